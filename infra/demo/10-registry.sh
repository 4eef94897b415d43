#!/usr/bin/env bash
# Demo data for community-registry, loaded through the gateway by `./vigie up`: three fictional client
# companies, ten communities across platforms in French and English, the demo users as staff, an agency night
# team, and assignments. Idempotent: what exists already (409) is left as it is.
set -euo pipefail

GATEWAY="http://127.0.0.1:${VIGIE_GATEWAY_PORT}/api/registry"
TOKEN_URL="${VIGIE_KEYCLOAK_URL}/realms/vigie/protocol/openid-connect/token"

token_of() { # username → access token (password grant on the development client vigie-cli)
  curl -fsS -d grant_type=password -d client_id=vigie-cli -d "username=$1" -d password=vigie-demo "$TOKEN_URL" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

subject_of() { # username → Keycloak subject, read from the token's payload
  local payload
  payload=$(token_of "$1" | cut -d. -f2 | tr '_-' '/+')
  while [ $(( ${#payload} % 4 )) -ne 0 ]; do payload="$payload="; done
  printf '%s' "$payload" | base64 -d 2>/dev/null | sed -E 's/.*"sub":"([^"]+)".*/\1/'
}

ADMIN=$(token_of staff.admin)

call() { # METHOD PATH [BODY] → prints the body; fails on any status but 2xx and 409
  local method=$1 path=$2 body=${3:-} out status
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' ${body:+--data "$body"} "$GATEWAY$path")
  if [ "$status" != 409 ] && { [ "$status" -lt 200 ] || [ "$status" -ge 300 ]; }; then
    echo "demo data: $method $path answered $status: $(cat "$out")" >&2
    rm -f "$out"; return 1
  fi
  cat "$out"; rm -f "$out"
}

first_id() { sed -E 's/^[^{]*\{"id":"([^"]+)".*/\1/'; }

tenant() { call POST /tenants "{\"slug\":\"$1\",\"name\":\"$2\",\"legalName\":\"$3\",\"contacts\":[{\"name\":\"$4\",\"email\":\"$5\",\"role\":\"legal\"}]}" >/dev/null; }

ALWAYS='{"mode":"ALWAYS"}'
OFFICE='{"mode":"OPENING_HOURS","hours":{"MONDAY":[{"from":"08:00","to":"20:00"}],"TUESDAY":[{"from":"08:00","to":"20:00"}],"WEDNESDAY":[{"from":"08:00","to":"20:00"}],"THURSDAY":[{"from":"08:00","to":"20:00"}],"FRIDAY":[{"from":"08:00","to":"20:00"}],"SATURDAY":[{"from":"10:00","to":"18:00"}]}}'

community() { # tenant name platform externalId languages(json) mode decisionSla replySla coverage → id
  call POST /communities "{\"tenant\":\"$1\",\"name\":\"$2\",\"platform\":\"$3\",\"externalId\":\"$4\",\"languages\":$5,\"timeZone\":\"Europe/Paris\",\"moderationMode\":\"$6\",\"decisionSlaMinutes\":$7,\"replySlaMinutes\":$8,\"coverage\":$9,\"callbackUrl\":\"https://api.$1.example/vigie/decisions\",\"callbackSecretRef\":\"$1-callback\"}" >/dev/null
  call GET "/communities/lookup?platform=$3&externalId=$4" | first_id
}

staff() { # username tenant(or empty) languages(json) → staff id
  local subject tenant_field=""
  subject=$(subject_of "$1")
  [ -n "$2" ] && tenant_field="\"tenant\":\"$2\","
  call POST /staff "{\"subject\":\"$subject\",\"displayName\":\"$1\",\"email\":\"$1@demo.vigie.test\",$tenant_field\"languages\":$3}" >/dev/null
  call GET "/staff?subject=$subject" | sed -E 's/^\[\{"id":"([^"]+)".*/\1/'
}

assign() { call POST "/communities/$1/assignments" "{\"$2\":\"$3\",\"role\":\"$4\"}" >/dev/null; }

tenant radio-horizon "Radio Horizon" "Radio Horizon SAS" "Service juridique" "juridique@radio-horizon.example"
tenant maison-lumen "Maison Lumen" "Maison Lumen Cosmétiques SA" "Legal team" "legal@maison-lumen.example"
tenant ligue-atlantique "Ligue Atlantique de Football" "Ligue Atlantique de Football (association loi 1901)" "Secrétariat général" "secretariat@ligue-atlantique.example"

H1=$(community radio-horizon "Radio Horizon" FACEBOOK_PAGE 104839205731 '["fr"]' A_POSTERIORI 30 120 "$ALWAYS")
H2=$(community radio-horizon "@radiohorizon" INSTAGRAM_ACCOUNT 17841400008460056 '["fr","en"]' A_POSTERIORI 30 120 "$ALWAYS")
H3=$(community radio-horizon "radio-horizon.example — commentaires" WEBSITE_COMMENTS horizon-site '["fr"]' A_PRIORI 15 240 "$OFFICE")
H4=$(community radio-horizon "Forum des auditeurs" FORUM horizon-forum '["fr"]' A_PRIORI 60 480 "$OFFICE")
L1=$(community maison-lumen "Maison Lumen France" FACEBOOK_PAGE 209384756120 '["fr"]' A_POSTERIORI 20 60 "$ALWAYS")
L2=$(community maison-lumen "@maisonlumen" INSTAGRAM_ACCOUNT 17841400009990077 '["fr","en"]' A_POSTERIORI 20 60 "$ALWAYS")
L3=$(community maison-lumen "Maison Lumen Tutorials" YOUTUBE_CHANNEL UCmaisonlumen '["en","fr"]' A_POSTERIORI 60 240 "$OFFICE")
L4=$(community maison-lumen "@MaisonLumen_UK" X_ACCOUNT maisonlumen_uk '["en"]' A_POSTERIORI 30 120 "$ALWAYS")
A1=$(community ligue-atlantique "Ligue Atlantique" FACEBOOK_PAGE 309182736455 '["fr"]' A_POSTERIORI 10 60 "$ALWAYS")
A2=$(community ligue-atlantique "Atlantique Sport — commentaires" NEWS_COMMENTS atlantique-sport-articles '["fr"]' A_PRIORI 10 120 "$ALWAYS")

for u in moderator senior-moderator community-manager; do
  declare "HORIZON_${u//-/_}=$(staff "$u.horizon" radio-horizon '["fr","en"]')"
  declare "LUMEN_${u//-/_}=$(staff "$u.lumen" maison-lumen '["fr","en"]')"
done
NIGHT_MOD=$(staff staff.moderator "" '["fr","en"]')
NIGHT_SENIOR=$(staff staff.senior "" '["fr","en","es"]')
NIGHT_CM=$(staff staff.manager "" '["fr","en"]')

call POST /teams "{\"name\":\"Agence — nuit FR/EN\",\"members\":[\"$NIGHT_MOD\",\"$NIGHT_SENIOR\"]}" >/dev/null
NIGHT_TEAM=$(call GET /teams | sed -E 's/.*\{"id":"([^"]+)","tenant":null,"name":"Agence — nuit FR\/EN".*/\1/')

for c in "$H1" "$H2" "$H3" "$H4"; do
  assign "$c" staffId "$HORIZON_moderator" MODERATOR
  assign "$c" staffId "$HORIZON_senior_moderator" SENIOR_MODERATOR
  assign "$c" staffId "$HORIZON_community_manager" COMMUNITY_MANAGER
done
for c in "$L1" "$L2" "$L3" "$L4"; do
  assign "$c" staffId "$LUMEN_moderator" MODERATOR
  assign "$c" staffId "$LUMEN_senior_moderator" SENIOR_MODERATOR
  assign "$c" staffId "$LUMEN_community_manager" COMMUNITY_MANAGER
done
for c in "$H1" "$H2" "$L1" "$L2" "$L4" "$A1" "$A2"; do   # the 24/7 communities get the agency's night team
  assign "$c" teamId "$NIGHT_TEAM" MODERATOR
done
for c in "$A1" "$A2"; do
  assign "$c" staffId "$NIGHT_CM" COMMUNITY_MANAGER
done

# services that started after the communities were registered (or lost their copy) learn them again
call POST /communities/republish >/dev/null

echo "demo data: 3 client companies, 10 communities, 9 staff members, 1 agency team, assignments"
