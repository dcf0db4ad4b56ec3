#!/usr/bin/python3
"""ical_check.py: checks an iCalendar file (RFC 5545) as a calendar program
reads it, with a maintained parser (Debian's python3-icalendar), plus the wire
rules that parsers forgive: CRLF line ends, at most 75 octets a line, UTF-8,
no control characters, commas and semicolons escaped in TEXT values.

  ical_check.py [FILE] [--expect EXPECTED.json]      (standard input without FILE)

Every VEVENT needs UID (unique), DTSTAMP, DTSTART and DTEND in UTC (DTEND after
DTSTART) and SUMMARY. Prints a JSON summary on success:
  {"count": N, "uids": [...], "statuses": {"CONFIRMED": n, ...}, "events": [...]}
and exits 1 with the reason on standard error otherwise. --expect names a JSON
file {"events": [{"uid": ..., "summary": ..., ...}]}: the calendar must hold
exactly those events, each with those values as parsed ("events" items' keys).

Run it with /usr/bin/python3: Debian installs the parser for Debian's Python.
"""
import argparse
import json
import sys
from datetime import datetime, timedelta

from icalendar import Calendar

LINE_OCTETS = 75
# Single-valued TEXT properties: a comma or semicolon in them must be escaped
# (RFC 5545 3.3.11), which the parser forgives, so it is checked here.
TEXT_PROPS = (b"UID", b"SUMMARY", b"DESCRIPTION", b"LOCATION", b"COMMENT", b"CONTACT", b"X-WR-CALNAME")
REQUIRED = ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY")
STATUSES = ("TENTATIVE", "CONFIRMED", "CANCELLED")


class Invalid(Exception):
    pass


def check_wire(data):
    """The bytes as sent: CRLF everywhere, short lines, UTF-8, no controls."""
    if not data.startswith(b"BEGIN:VCALENDAR\r\n"):
        raise Invalid("does not start with BEGIN:VCALENDAR and CRLF")
    if not data.endswith(b"\r\n"):
        raise Invalid("the last line does not end in CRLF")
    for number, line in enumerate(data[:-2].split(b"\r\n"), 1):
        if b"\r" in line or b"\n" in line:
            raise Invalid(f"line {number}: a CR or LF that is not part of a CRLF")
        if len(line) > LINE_OCTETS:
            raise Invalid(f"line {number}: {len(line)} octets, more than {LINE_OCTETS}")
        if not line:
            raise Invalid(f"line {number}: empty")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as e:
            raise Invalid(f"line {number}: not UTF-8 ({e.reason}; folded inside a character?)")
        if any((c < 0x20 and c != 0x09) or c == 0x7F for c in line):
            raise Invalid(f"line {number}: a control character")


def check_escapes(data):
    """Every backslash in a TEXT value starts an escape, and no comma or
    semicolon goes unescaped."""
    for line in data.replace(b"\r\n ", b"").split(b"\r\n"):
        name, colon, value = line.partition(b":")
        if not colon or name.split(b";")[0].upper() not in TEXT_PROPS:
            continue
        i = 0
        while i < len(value):
            if value[i : i + 1] == b"\\":
                if value[i + 1 : i + 2] not in (b"\\", b";", b",", b"n", b"N"):
                    raise Invalid(f"{name.decode()}: a backslash that escapes nothing")
                i += 2
                continue
            if value[i : i + 1] in (b",", b";"):
                raise Invalid(f"{name.decode()}: an unescaped {value[i:i + 1].decode()}")
            i += 1


def utc(event, name):
    """The property's datetime, which must be written in UTC."""
    prop = event[name]
    value = prop.dt
    if not isinstance(value, datetime) or "TZID" in prop.params:
        raise Invalid(f"{name} of {event['UID']} is not a UTC date-time")
    if value.tzinfo is None or value.utcoffset() != timedelta(0):
        raise Invalid(f"{name} of {event['UID']} is not in UTC")
    return value


def iso(value):
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def check_event(event):
    for name in REQUIRED:
        if name not in event:
            raise Invalid(f"a VEVENT without {name} ({event.get('UID', 'no UID')})")
    if event.errors:
        raise Invalid(f"{event['UID']}: the parser refused {event.errors}")
    stamp, start, end = (utc(event, n) for n in ("DTSTAMP", "DTSTART", "DTEND"))
    if end <= start:
        raise Invalid(f"{event['UID']}: DTEND is not after DTSTART")
    status = str(event.get("STATUS", "CONFIRMED"))
    if status not in STATUSES:
        raise Invalid(f"{event['UID']}: STATUS {status}")
    return {
        "uid": str(event["UID"]),
        "status": status,
        "sequence": int(event.get("SEQUENCE", 0)),
        "summary": str(event["SUMMARY"]),
        "description": str(event["DESCRIPTION"]) if "DESCRIPTION" in event else None,
        "location": str(event["LOCATION"]) if "LOCATION" in event else None,
        "url": str(event["URL"]) if "URL" in event else None,
        "dtstamp": iso(stamp),
        "dtstart": iso(start),
        "dtend": iso(end),
    }


def check_calendar(data):
    check_wire(data)
    check_escapes(data)
    try:
        calendar = Calendar.from_ical(data)
    except Exception as e:  # the parser's own words are the reason
        raise Invalid(f"the parser refused it: {str(e)[:200]}")
    if calendar.name != "VCALENDAR":
        raise Invalid(f"the outer component is {calendar.name}")
    if str(calendar.get("VERSION")) != "2.0" or "PRODID" not in calendar:
        raise Invalid("VERSION:2.0 or PRODID missing")
    for component in calendar.walk():
        if component.errors:
            raise Invalid(f"{component.name}: the parser refused {component.errors}")
    events = [check_event(e) for e in calendar.walk("VEVENT")]
    uids = [e["uid"] for e in events]
    if len(set(uids)) != len(uids):
        raise Invalid("two events share a UID")
    statuses = {}
    for e in events:
        statuses[e["status"]] = statuses.get(e["status"], 0) + 1
    return {"count": len(events), "uids": uids, "statuses": statuses, "events": events}


def check_expected(summary, expected):
    """Each expected event is there with the given values, and no other."""
    want = {e["uid"]: e for e in expected["events"]}
    got = {e["uid"]: e for e in summary["events"]}
    if set(want) != set(got):
        raise Invalid(f"events {sorted(got)}, expected {sorted(want)}")
    for uid, event in want.items():
        for key, value in event.items():
            if got[uid].get(key) != value:
                raise Invalid(f"{uid}: {key} is {got[uid].get(key)!r}, expected {value!r}")


def main():
    parser = argparse.ArgumentParser(description="Checks an iCalendar file (RFC 5545).")
    parser.add_argument("file", nargs="?", help="the .ics file (standard input without it)")
    parser.add_argument("--expect", help="JSON file of the events the calendar must hold")
    args = parser.parse_args()
    try:
        if args.file:
            with open(args.file, "rb") as f:
                data = f.read()
        else:
            data = sys.stdin.buffer.read()
        summary = check_calendar(data)
        if args.expect:
            with open(args.expect, encoding="utf-8") as f:
                check_expected(summary, json.load(f))
    except (Invalid, OSError, ValueError) as e:
        print(f"ical_check: {e}", file=sys.stderr)
        return 1
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
