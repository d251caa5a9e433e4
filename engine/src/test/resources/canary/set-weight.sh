#!/bin/sh
# Router of the canary integration test: puts WEIGHT % of nginx's traffic on the canary and reloads nginx.
# usage: set-weight.sh DIR WEIGHT [slow]   (slow: waits 2 s first, so that a test can kill a rollback midway)
set -eu
dir="$1"
weight="$2"
if [ "${3:-}" = slow ]; then
  echo "$(date +%s%3N) start $weight" >> "$dir/router.log"
  sleep 2
fi
base=$((100 - weight))
{
  echo "upstream model {"
  if [ "$base" -gt 0 ]; then echo "  server 127.0.0.1:$(cat "$dir/baseline.port") weight=$base;"; fi
  if [ "$weight" -gt 0 ]; then echo "  server 127.0.0.1:$(cat "$dir/canary.port") weight=$weight;"; fi
  echo "}"
} > "$dir/upstream.conf.tmp"
mv "$dir/upstream.conf.tmp" "$dir/upstream.conf"
/usr/sbin/nginx -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" -s reload
echo "$(date +%s%3N) $weight" >> "$dir/router.log"
