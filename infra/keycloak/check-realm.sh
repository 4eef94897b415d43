#!/usr/bin/env bash
# Checks the Vigie demo realm (infra/keycloak/vigie-realm.json) against a running Keycloak:
# obtains a token for every demo account and verifies realm roles, the `tenant` claim and the
# `vigie-api` audience. Prints one line per account; exits non-zero on any mismatch.
#
# Usage: infra/keycloak/check-realm.sh [base-url]     (default: http://127.0.0.1:8180)
# Requires: bash, curl, jq, base64 (coreutils).
set -uo pipefail

BASE_URL="${1:-http://127.0.0.1:8180}"
BASE_URL="${BASE_URL%/}"
TOKEN_URL="$BASE_URL/realms/vigie/protocol/openid-connect/token"
PASSWORD="vigie-demo"
# Roles defined by Vigie; any other role in the token (default-roles-vigie, offline_access, ...) is ignored.
VIGIE_ROLES='["platform-admin","client-admin","moderator","senior-moderator","community-manager","analyst","auditor","integration","service"]'

failures=0

for tool in curl jq base64; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing required tool: $tool" >&2; exit 2; }
done

# Decodes the payload (2nd part) of a JWT.
jwt_payload() {
  local p
  p=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
  case $(( ${#p} % 4 )) in
    2) p="$p==" ;;
    3) p="$p=" ;;
  esac
  base64 -d <<<"$p" 2>/dev/null
}

# check <label> <expected-role> <expected-tenant or ""> <token-response-json>
check() {
  local label="$1" role="$2" tenant="$3" response="$4"
  local at payload roles aud tok_tenant errors=()

  at=$(jq -r '.access_token // empty' <<<"$response" 2>/dev/null)
  if [[ -z "$at" ]]; then
    printf 'FAIL %-40s no token: %s\n' "$label" "$(jq -c '{error, error_description}' <<<"$response" 2>/dev/null || echo "$response")"
    failures=$((failures + 1))
    return
  fi
  payload=$(jwt_payload "$at")

  roles=$(jq -c --argjson vigie "$VIGIE_ROLES" '[(.realm_access.roles // [])[] | select(IN($vigie[]))] | sort' <<<"$payload")
  [[ "$roles" == "[\"$role\"]" ]] || errors+=("roles=$roles expected [\"$role\"]")

  tok_tenant=$(jq -r 'if has("tenant") then .tenant else "<absent>" end' <<<"$payload")
  if [[ -n "$tenant" ]]; then
    [[ "$tok_tenant" == "$tenant" ]] || errors+=("tenant=$tok_tenant expected $tenant")
  else
    [[ "$tok_tenant" == "<absent>" ]] || errors+=("tenant=$tok_tenant expected absent")
  fi

  aud=$(jq -c '[.aud] | flatten' <<<"$payload")
  jq -e 'index("vigie-api") != null' >/dev/null <<<"$aud" || errors+=("aud=$aud lacks vigie-api")

  # ID token (users only, requested with scope=openid) must carry the same tenant claim.
  local it it_tenant
  it=$(jq -r '.id_token // empty' <<<"$response")
  if [[ -n "$it" ]]; then
    it_tenant=$(jwt_payload "$it" | jq -r 'if has("tenant") then .tenant else "<absent>" end')
    [[ "$it_tenant" == "$tok_tenant" ]] || errors+=("id_token tenant=$it_tenant differs from access token")
  fi

  if ((${#errors[@]} == 0)); then
    printf 'OK   %-40s roles=%s tenant=%s aud=%s\n' "$label" "$roles" "$tok_tenant" "$aud"
  else
    printf 'FAIL %-40s %s\n' "$label" "${errors[*]}"
    failures=$((failures + 1))
  fi
}

user_token() {
  curl -sS -X POST "$TOKEN_URL" \
    --data-urlencode grant_type=password \
    --data-urlencode client_id=vigie-cli \
    --data-urlencode "username=$1" \
    --data-urlencode "password=$PASSWORD" \
    --data-urlencode scope=openid 2>&1
}

client_token() {
  curl -sS -X POST "$TOKEN_URL" \
    --data-urlencode grant_type=client_credentials \
    --data-urlencode "client_id=$1" \
    --data-urlencode "client_secret=$1-dev-secret" 2>&1
}

HUMAN_ROLES=(client-admin moderator senior-moderator community-manager analyst auditor)

# Tenant users: <role>.<short>, attribute tenant=<tenant>
for entry in horizon:radio-horizon lumen:maison-lumen; do
  short="${entry%%:*}"
  tenant="${entry#*:}"
  for role in "${HUMAN_ROLES[@]}"; do
    user="$role.$short"
    check "user $user" "$role" "$tenant" "$(user_token "$user")"
  done
done

# Platform staff: no tenant
for entry in staff.admin:platform-admin staff.auditor:auditor staff.moderator:moderator \
             staff.senior:senior-moderator staff.manager:community-manager staff.analyst:analyst; do
  user="${entry%%:*}"
  role="${entry#*:}"
  check "user $user" "$role" "" "$(user_token "$user")"
done

# Service clients (client credentials): role service, no tenant
for client in vigie-registry vigie-intake vigie-moderation vigie-scheduling vigie-opinion vigie-gateway; do
  check "client $client" "service" "" "$(client_token "$client")"
done

# Integration clients: role integration, hard-coded tenant
for tenant in radio-horizon maison-lumen; do
  check "client integration-$tenant" "integration" "$tenant" "$(client_token "integration-$tenant")"
done

# vigie-console must refuse the password grant (authorization code + PKCE only)
response=$(curl -sS -X POST "$TOKEN_URL" \
  --data-urlencode grant_type=password \
  --data-urlencode client_id=vigie-console \
  --data-urlencode username=staff.admin \
  --data-urlencode "password=$PASSWORD" 2>&1)
if jq -e 'has("access_token") | not' >/dev/null 2>&1 <<<"$response"; then
  printf 'OK   %-40s password grant refused: %s\n' "client vigie-console" "$(jq -r '.error' <<<"$response")"
else
  printf 'FAIL %-40s password grant was not refused: %s\n' "client vigie-console" "${response:0:200}"
  failures=$((failures + 1))
fi

if ((failures > 0)); then
  echo "$failures check(s) failed against $BASE_URL"
  exit 1
fi
echo "all checks passed against $BASE_URL"
