#!/usr/bin/python3
"""check.py: docker-compose.yml and the Dockerfile, checked without a Docker
engine (there is none on the build machines).

  tests/containers/check.py BINARY        (BINARY: the built dna-api)

docker-compose.yml is validated and resolved by Debian's docker-compose
(`docker-compose config`), in an environment of its own so that the caller's
DNA_* variables change nothing. The Dockerfile is read as text: its stages,
user, health check and packages are held against the Makefile and against the
libraries the built binary links. Prints one line per check and a closing
"containers: N passed, N failed"; exits 1 on any failure.

Run it with /usr/bin/python3: python3-yaml comes with Debian's docker-compose.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SECRET = "compose-check-0123456789-0123456789-0123456789"
SHUTDOWN_GRACE_DEFAULT = 20  # DNA_SHUTDOWN_GRACE's default (src/config.c)
BASES = ("debian:12-slim", "debian:bookworm-slim")
BUILD_TOOLS = ("gcc", "make", "pkg-config", "npm", "nodejs", "clang")
SANITIZER_RUNTIMES = ("libasan", "libubsan", "liblsan", "libtsan")  # `make asan` builds only
IN_BASE_IMAGE = ("libc6",)


def compose(*args, secret=True):
    env = {"PATH": "/usr/bin:/bin", "HOME": tempfile.gettempdir()}
    if secret:
        env["DNA_JWT_SECRET"] = SECRET
    return subprocess.run(["docker-compose", "-f", os.path.join(ROOT, "docker-compose.yml"), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def resolved():
    r = compose("config")
    assert r.returncode == 0, r.stderr.strip()
    return yaml.safe_load(r.stdout)


def seconds(duration):
    """'30s', '1m30s', '1m' -> seconds."""
    total = 0
    for n, unit in re.findall(r"(\d+)(h|ms|m|s)", str(duration)):
        total += int(n) * {"h": 3600, "m": 60, "s": 1, "ms": 0}[unit]
    return total


def dockerfile_stages():
    """[(FROM line, [(INSTRUCTION, arguments), ...]), ...]: continuation lines
    joined, comments dropped."""
    text = open(os.path.join(ROOT, "Dockerfile")).read()
    text = re.sub(r"\\\n(\s*#[^\n]*\n)*", " ", text)
    stages = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        word = word.upper()
        if word == "FROM":
            stages.append((rest.strip(), []))
        elif stages:
            stages[-1][1].append((word, rest.strip()))
    return stages


def apt_packages(instructions):
    """The packages the stage's `apt-get install` lines name."""
    names = set()
    for word, args in instructions:
        if word != "RUN":
            continue
        for part in re.split(r"&&|;", args):
            m = re.search(r"apt-get\s+install\s+(.*)", part)
            if m:
                names.update(w for w in m.group(1).split() if not w.startswith("-"))
    return names


def makefile_deb_build():
    text = open(os.path.join(ROOT, "Makefile")).read().replace("\\\n", " ")
    m = re.search(r"^DEB_BUILD\s*:?=\s*(.*)$", text, re.M)
    assert m, "no DEB_BUILD in the Makefile"
    return set(m.group(1).split())


# --- docker-compose.yml ------------------------------------------------------

def compose_is_valid():
    r = compose("config", "-q")
    assert r.returncode == 0, f"docker-compose config -q: exit {r.returncode}: {r.stderr.strip()}"


def compose_has_no_default_secret():
    r = compose("config", "-q", secret=False)
    assert r.returncode != 0, "docker-compose.yml works without DNA_JWT_SECRET (a default secret?)"
    assert "DNA_JWT_SECRET" in r.stderr, r.stderr.strip()


def compose_database_is_postgres15_with_volume_and_health_check():
    db = resolved()["services"]["db"]
    assert str(db.get("image", "")).startswith("postgres:15"), f"image {db.get('image')}"
    test = db.get("healthcheck", {}).get("test", [])
    assert "pg_isready" in " ".join(test if isinstance(test, list) else [test]), f"healthcheck {test}"
    named = resolved().get("volumes", {}) or {}
    data = [v for v in db.get("volumes", []) if str(v).split(":")[1:2] == ["/var/lib/postgresql/data"]]
    assert data, f"no volume at /var/lib/postgresql/data: {db.get('volumes')}"
    assert str(data[0]).split(":")[0] in named, f"{data[0]} is not a named volume ({list(named)})"


def compose_api_waits_for_a_healthy_database():
    api = resolved()["services"]["api"]
    assert api.get("depends_on", {}).get("db", {}).get("condition") == "service_healthy", api.get("depends_on")
    url = api["environment"]["DNA_DATABASE_URL"]
    assert "@db:" in url or "host=db" in url, f"DNA_DATABASE_URL does not name the db service: {url}"
    assert os.path.realpath(api["build"]["context"]) == ROOT, api.get("build")
    grace = seconds(api.get("stop_grace_period", "10s"))
    assert grace > SHUTDOWN_GRACE_DEFAULT, f"stop_grace_period {grace}s <= DNA_SHUTDOWN_GRACE"


# --- Dockerfile --------------------------------------------------------------

def dockerfile_has_two_debian12_slim_stages():
    stages = dockerfile_stages()
    assert len(stages) == 2, f"{len(stages)} stages"
    for line, _ in stages:
        assert line.split()[0] in BASES, f"FROM {line}"
    assert re.search(r"\bAS\s+build$", stages[0][0], re.I), f"the first stage is not named build: {stages[0][0]}"
    copies = [a for w, a in stages[1][1] if w == "COPY" and a.startswith("--from=build")]
    assert any("dna-api" in c for c in copies), "the runtime stage does not copy the binary from the build"


def runtime_runs_as_a_non_root_user():
    _, runtime = dockerfile_stages()[-1]
    users = [a for w, a in runtime if w == "USER"]
    assert users, "no USER: the container runs as root"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0"), f"USER {users[-1]}"
    made = " ".join(a for w, a in runtime if w == "RUN")
    assert re.search(rf"useradd\b[^&]*(--uid {user}\b|\b{user}$|\b{user}\s)", made), f"no useradd makes {user}"


def runtime_health_check_asks_readyz_with_a_tool_it_has():
    _, runtime = dockerfile_stages()[-1]
    checks = [a for w, a in runtime if w == "HEALTHCHECK"]
    assert checks, "no HEALTHCHECK"
    m = re.search(r"\bCMD\s+(.*)", checks[-1])
    assert m and "/readyz" in m.group(1), f"HEALTHCHECK {checks[-1]}"
    tool = re.sub(r'^\[?\s*"?', "", m.group(1)).split()[0].strip('",')
    assert tool == "dna-api" or tool in apt_packages(runtime), f"the health check runs {tool}, not installed"


def runtime_installs_no_build_tools():
    packages = apt_packages(dockerfile_stages()[-1][1])
    extra = sorted(p for p in packages if p.endswith("-dev") or p in BUILD_TOOLS)
    assert not extra, f"build packages in the runtime stage: {extra}"


def runtime_has_every_library_the_binary_links(binary):
    needed = subprocess.run(["readelf", "-d", binary], capture_output=True, text=True, check=True).stdout
    sonames = re.findall(r"\(NEEDED\).*\[(.+)\]", needed)
    assert sonames, f"readelf found no NEEDED in {binary}"
    runtime = apt_packages(dockerfile_stages()[-1][1])
    missing = []
    for so in sonames:
        if so.startswith(SANITIZER_RUNTIMES):
            continue
        owners = subprocess.run(["dpkg", "-S", f"*/{so}"], capture_output=True, text=True).stdout
        packages = {line.split(":")[0] for line in owners.splitlines() if line.endswith("/" + so)}
        packages = {p for p in packages if not p.endswith(("-i386", "-x32", "-amd64"))}
        if not packages & (runtime | set(IN_BASE_IMAGE)):
            missing.append(f"{so} ({', '.join(sorted(packages)) or 'no package'})")
    assert not missing, f"the runtime stage lacks: {missing}"


def build_stage_has_the_makefiles_libraries():
    wanted = {p for p in makefile_deb_build() if p.endswith("-dev")}
    missing = sorted(wanted - apt_packages(dockerfile_stages()[0][1]))
    assert not missing, f"the Makefile builds with {missing}, the Dockerfile's build stage lacks them"


def copy_like_docker(sources, dest, tmp):
    """COPY's rules as the Dockerfile uses them: a folder's contents go to
    dest; a file goes into dest when dest is a folder (ends with / or there
    are several sources), else to dest itself."""
    into = dest.endswith("/") or len(sources) > 1
    for src in sources:
        path = os.path.join(ROOT, src)
        if os.path.isdir(path):
            shutil.copytree(path, os.path.join(tmp, dest), dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("node_modules"))
        else:
            to = os.path.join(tmp, dest, os.path.basename(src)) if into else os.path.join(tmp, dest)
            os.makedirs(os.path.dirname(to), exist_ok=True)
            shutil.copy2(path, to)


def build_stage_copies_what_the_build_needs():
    """The build stage's COPY sources, alone in a folder, are enough for
    `make -n` of what the stage builds."""
    _, build = dockerfile_stages()[0]
    targets = None
    with tempfile.TemporaryDirectory() as tmp:
        for word, args in build:
            if word == "COPY" and not args.startswith("--"):
                *sources, dest = args.split()
                copy_like_docker(sources, dest, tmp)
            m = re.search(r"\bmake\s+([^&;]*)", args) if word == "RUN" else None
            if m:
                targets = [t for t in m.group(1).split() if "=" not in t and not t.startswith("-")]
        assert targets, "no make in the build stage"
        os.makedirs(os.path.join(tmp, "var"), exist_ok=True)
        open(os.path.join(tmp, "var", ".deb-installed"), "w").close()
        # As in the image: no environment of ours (`make asan` exports BUILD=...,
        # and MAKEFLAGS would make this a sub-make of the caller's).
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tempfile.gettempdir()}
        r = subprocess.run(["make", "-n", *targets], cwd=tmp, env=env, capture_output=True, text=True)
        assert r.returncode == 0, f"make -n {' '.join(targets)} with only the copied files: {r.stderr.strip()[-400:]}"


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary = sys.argv[1]
    checks = [compose_is_valid, compose_has_no_default_secret,
              compose_database_is_postgres15_with_volume_and_health_check,
              compose_api_waits_for_a_healthy_database, dockerfile_has_two_debian12_slim_stages,
              runtime_runs_as_a_non_root_user, runtime_health_check_asks_readyz_with_a_tool_it_has,
              runtime_installs_no_build_tools, lambda: runtime_has_every_library_the_binary_links(binary),
              build_stage_has_the_makefiles_libraries, build_stage_copies_what_the_build_needs]
    names = [c.__name__ if c.__name__ != "<lambda>" else "runtime_has_every_library_the_binary_links"
             for c in checks]
    passed = failed = 0
    for name, check in zip(names, checks):
        try:
            check()
            print(f"ok   {name}")
            passed += 1
        except (AssertionError, OSError, subprocess.CalledProcessError, KeyError) as e:
            print(f"FAIL {name}: {e!r}" if not isinstance(e, AssertionError) else f"FAIL {name}: {e}")
            failed += 1
    print(f"containers: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
