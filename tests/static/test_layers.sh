#!/bin/sh
# The layers of docs/design: data flows down, never up. Checked on the
# sources: io/ (readers, writers, weather, calendar) sits below the
# engines and includes none of them; report/ formats what the engines
# computed and runs none of them; season/ never reaches up into report/;
# physics/ is pure and includes no other layer.
set -u
S=${HL_SOURCE_DIR:?HL_SOURCE_DIR must name the source tree}/src
fails=0
fail() {
    echo "FAIL: $*"
    fails=$((fails + 1))
}

# forbid DIR PATTERN WHAT: no line of DIR/*.c|*.h matches PATTERN
forbid() {
    hits=$(grep -nE "$2" "$S/$1"/*.c "$S/$1"/*.h 2>/dev/null)
    [ -z "$hits" ] || fail "$3: $hits"
}

engines='hl_model_solve|hl_season_run|hl_season_snapshot|season_run_plant|plant_(open|solve|copy)|hl_dynamic_run|hl_surge_run'
forbid io '#include "(season|network|report|transport|surge)/' \
    "src/io includes an engine or the report"
forbid io "($engines)\(" "src/io runs an engine"
forbid report "($engines)\(" "src/report runs an engine"
forbid season '#include "report/' "src/season includes the report"
forbid physics '#include "(network|season|io|report|fittings|lab)/' \
    "src/physics includes another layer"
# the register sits above season/; nothing below reaches up into it
for d in util physics materials fittings lab network season io report; do
    forbid "$d" '#include "register/' "src/$d includes the register"
done
forbid register '#include "report/' "src/register includes the report"

forbid surge '#include "(season|report|io)/' \
    "src/surge includes a layer above it or io"
forbid network '#include "surge/' "src/network includes the surge engine"
# the MOC engine is independent of the network's layout: only the adapter
# (surge_from_model.c) reads net.h
hits=$(grep -ln '#include "network/' "$S"/surge/*.c "$S"/surge/*.h 2>/dev/null |
    grep -v '/surge_from_model.c$')
[ -z "$hits" ] || fail "src/surge reads the network outside its adapter: $hits"

forbid transport '#include "(season|report|surge|register)/' \
    "src/transport includes a layer above it"
# the transport engine reads the network's internals in one adapter only
hits=$(grep -lE '#include "network/' "$S"/transport/*.c "$S"/transport/*.h \
    2>/dev/null | grep -v '/transport_from_model\.c$')
[ -z "$hits" ] || fail "src/transport reads net.h outside its adapter: $hits"

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "layers: every rule holds"
