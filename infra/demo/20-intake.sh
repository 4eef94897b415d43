#!/usr/bin/env bash
# Demo messages for message-intake, pushed through the gateway by the client systems of the demo tenants
# (their integration clients), so that moderators have something to look at. Idempotent: a message already
# received (same external id) is answered "duplicate" and stored once.
set -euo pipefail

GATEWAY="http://127.0.0.1:${VIGIE_GATEWAY_PORT}/api/intake"
TOKEN_URL="${VIGIE_KEYCLOAK_URL}/realms/vigie/protocol/openid-connect/token"

client_token() {
  curl -fsS -d grant_type=client_credentials -d "client_id=$1" -d "client_secret=$1-dev-secret" "$TOKEN_URL" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

batch() { # client platform page messages-json
  local token out tries=0
  token=$(client_token "$1")
  # intake learns communities from the registry's events: right after the registry's demo data they may not be
  # there yet, and the messages are refused as "no such community" until they are
  while :; do
    out=$(curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data "{\"messages\":$4}" "$GATEWAY/messages/batch")
    case "$out" in *'"invalid":0'*) break ;; esac
    tries=$((tries + 1))
    [ $tries -lt 30 ] || { echo "demo data: intake still refuses messages for $2 $3: $out" >&2; return 1; }
    sleep 1
  done
  printf '%s' "$out" | sed -E 's/.*"created":([0-9]+),"duplicates":([0-9]+),"invalid":([0-9]+).*/  \1 created, \2 already there, \3 refused/'
  echo " ($1 → $2 $3)"
}

m() { # platform page externalId author text
  printf '{"platform":"%s","pageId":"%s","externalId":"%s","threadId":"demo-post-1","author":{"id":"%s","name":"%s"},"text":"%s","postedAt":"2026-11-25T21:%02d:00+01:00"}' \
    "$1" "$2" "$3" "$4" "$4" "$5" "$((RANDOM % 60))"
}

H="FACEBOOK_PAGE 104839205731"
batch integration-radio-horizon $H "[
$(m $H demo-h-1 'Claire M.' 'Super émission ce matin, merci pour les invités !'),
$(m $H demo-h-2 'Paul R.' 'Le débat était trop court, dommage.'),
$(m $H demo-h-3 'anon_77' 'Ce journaliste est un crétin fini.'),
$(m $H demo-h-4 'Karim B.' 'Je sais où tu habites, je vais te retrouver.'),
$(m $H demo-h-5 'promo_2026' 'Gagnez 5000€ par semaine depuis chez vous !!! http://bit.ly/xx12'),
$(m $H demo-h-6 'Sophie L.' 'Appelez-moi au 06 12 34 56 78 pour le concours.')
]"
L="INSTAGRAM_ACCOUNT 17841400009990077"
batch integration-maison-lumen $L "[
$(m $L demo-l-1 'emma.k' 'Love the new foundation, perfect shade for me!'),
$(m $L demo-l-2 'jo_b' 'This price increase is ridiculous, I am cancelling.'),
$(m $L demo-l-3 'cheapfollow' 'Cheap followers, 10k for 5 dollars, visit followers-cheap.example'),
$(m $L demo-l-4 'x_troll' 'You are a complete idiot, shut up.')
]"
