#!/usr/bin/env bash
# Demo posts for the editorial calendar: community-manager.horizon drafts two posts for each Radio Horizon
# community they manage, client-admin.horizon approves one (then it is scheduled) and asks for changes on the
# other. Idempotent: a community that already has posts gets none.
set -euo pipefail

API="http://127.0.0.1:${VIGIE_GATEWAY_PORT}/api/scheduling"
TOKEN_URL="${VIGIE_KEYCLOAK_URL}/realms/vigie/protocol/openid-connect/token"

token() {
  curl -fsS -d grant_type=password -d client_id=vigie-cli -d "username=$1" -d password=vigie-demo "$TOKEN_URL" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }

manager=$(token community-manager.horizon)
client=$(token client-admin.horizon)
communities=$(curl -fsS -H "Authorization: Bearer $manager" \
  "http://127.0.0.1:${VIGIE_GATEWAY_PORT}/api/registry/communities/assigned-to-me" | grep -oE '"id":"[0-9a-f-]{36}"' | cut -d'"' -f4)
day=$(date -u -d '+3 days' +%Y-%m-%d)
for community in $communities; do
  # scheduling learns communities from the registry's events, which may still be on their way
  for _ in $(seq 1 20); do
    state=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $manager" \
      "$API/calendar?view=month&date=$day&communityId=$community")
    [ "$state" = 200 ] && break
    sleep 1
  done
  [ "$state" = 200 ] || { echo "  scheduling does not know community $community yet: skipped"; continue; }
  if curl -fsS -H "Authorization: Bearer $manager" "$API/calendar?view=month&date=$day&communityId=$community" \
      | grep -q '"posts":[1-9]'; then
    echo "  community $community: posts already there"
    continue
  fi
  post() {
    curl -fsS -X POST -H "Authorization: Bearer $manager" -H 'Content-Type: application/json' \
      --data "{\"communityId\":\"$community\",\"text\":\"$1\",\"plannedAt\":\"${day}T$2\"}" "$API/posts" | field id
  }
  first=$(post "Ce soir à 18 h : le grand débat de la rédaction, posez vos questions en commentaire !" 18:00)
  second=$(post "Jeu concours : gagnez vos places pour le concert de samedi" 12:30)
  for id in $first $second; do
    curl -fsS -X POST -H "Authorization: Bearer $manager" "$API/posts/$id/submit" >/dev/null
  done
  curl -fsS -X POST -H "Authorization: Bearer $client" "$API/posts/$first/approve" >/dev/null
  curl -fsS -X POST -H "Authorization: Bearer $manager" "$API/posts/$first/schedule" >/dev/null
  curl -fsS -X POST -H "Authorization: Bearer $client" -H 'Content-Type: application/json' \
    --data '{"comment":"Ajoutez le règlement du jeu en lien"}' "$API/posts/$second/request-changes" >/dev/null
  echo "  community $community: one post scheduled, one sent back by the client"
done
