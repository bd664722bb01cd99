#!/usr/bin/env bash
# Packs the package and installs the tarball into a separate, fresh Nest 12 app, which then
# answers a signed SMS with TwiML and refuses a forged one. Run after `npm run build`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tarball="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)"
cd "$work"
cat > package.json <<'JSON'
{ "name": "pack-smoke-app", "private": true, "type": "module" }
JSON
npm install --no-audit --no-fund --silent "./$tarball" \
  @nestjs/common@12 @nestjs/core@12 @nestjs/platform-express@12 twilio@^6.2.0 \
  class-validator class-transformer reflect-metadata rxjs
cp "$root/scripts/pack-smoke-app.mjs" app.mjs
node app.mjs
