#!/bin/sh
# The traffic router of the example's canary (canary.yaml: router.command): sends WEIGHT percent of
# the requests to the canary by rewriting nginx's upstream weights, then reloading nginx gracefully
# (in-flight requests finish on the old workers; no request is dropped).
#
#   set-weight.sh WEIGHT      WEIGHT is 0..100; 0 takes the canary out of rotation (the rollback)
#
# Where things are, from the environment (the demo sets them; defaults suit a local nginx):
#   MLCICD_NGINX_PREFIX  nginx's prefix directory (-p), holding conf/nginx.conf    (default: ./nginx)
#   MLCICD_BASELINE      host:port of the production model server                (default: 127.0.0.1:8081)
#   MLCICD_CANARY        host:port of the canary model server                    (default: 127.0.0.1:8082)
# The upstream block lives in conf/upstream.conf, which nginx.conf includes. The new file is written
# beside the old one and renamed over it, so nginx never reads half a file; a failed reload exits
# non-zero, and the canary controller retries (a rollback is retried until it succeeds).
set -eu

weight=${1:?usage: set-weight.sh WEIGHT (0..100)}
case $weight in
  ''|*[!0-9]*) echo "set-weight.sh: WEIGHT must be a whole number 0..100, got '$weight'" >&2; exit 2 ;;
esac
if [ "$weight" -gt 100 ]; then
  echo "set-weight.sh: WEIGHT must be 0..100, got $weight" >&2
  exit 2
fi

prefix=${MLCICD_NGINX_PREFIX:-./nginx}
baseline=${MLCICD_BASELINE:-127.0.0.1:8081}
canary=${MLCICD_CANARY:-127.0.0.1:8082}

# nginx's weights are relative and at least 1, so 0 and 100 mark the other server down instead.
{
  echo "upstream model {"
  if [ "$weight" -eq 100 ]; then
    echo "  server $baseline down;"
  else
    echo "  server $baseline weight=$((100 - weight));"
  fi
  if [ "$weight" -eq 0 ]; then
    echo "  server $canary down;"
  else
    echo "  server $canary weight=$weight;"
  fi
  echo "  keepalive 32;"
  echo "}"
} > "$prefix/conf/upstream.conf.new"
mv "$prefix/conf/upstream.conf.new" "$prefix/conf/upstream.conf"

nginx -p "$prefix" -c conf/nginx.conf -s reload
echo "canary weight set to $weight%"
