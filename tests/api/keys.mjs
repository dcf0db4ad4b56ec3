// Makes the identity provider's key pair for the API tests:
// DIR/idp-public.pem (the server's DNA_JWT_PUBLIC_KEY_FILE) and
// DIR/idp-private.pem (the tests sign "identity provider" tokens with it).
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const dir = process.argv[2];
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(`${dir}/idp-public.pem`, publicKey.export({ type: 'spki', format: 'pem' }));
writeFileSync(`${dir}/idp-private.pem`, privateKey.export({ type: 'pkcs8', format: 'pem' }));
