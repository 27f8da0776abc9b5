#!/usr/bin/env bash
# Rebuilds the pages' front-end assets (src/IntegrationHub/wwwroot/lib/govuk) from the npm
# packages pinned in src/IntegrationHub/Frontend/package-lock.json. The built files are
# committed: run this after changing Frontend/hub.scss or upgrading GOV.UK Frontend.
set -euo pipefail
cd "$(dirname "$0")/../src/IntegrationHub/Frontend"
npm ci --no-audit --no-fund
npm run build
