#!/usr/bin/env bash
# Builds a scratch Python environment in which MLflow's tracking server runs from its public source,
# without PyPI (our machines and CI cannot reach it): Debian packages + pure-Python packages taken from
# their public git repositories at a tag within MLflow's version constraints. Nothing here is committed.
#
#   bench/mlflow/prepare.sh <scratch-dir> <mlflow-commit>...
#
# Git sources (a URL or a local clone/bare mirror; the defaults are the public upstream repositories):
#   MLFLOW_GIT      https://github.com/mlflow/mlflow             (any clone holding the commits, e.g. a fork)
#   OTEL_GIT        https://github.com/open-telemetry/opentelemetry-python   tag v1.27.0 (MLflow: >=1.9,<3; its proto needs protobuf<5 = Debian's)
#   CACHETOOLS_GIT  https://github.com/tkem/cachetools            tag v5.5.2  (MLflow 3.6 imports cachetools.func.cached, absent from Debian's 5.2)
#   DBSDK_GIT       https://github.com/databricks/databricks-sdk-py  tag v0.70.0 (MLflow 3.6 probes the 'databricks' namespace at import)
set -euo pipefail
scratch=${1:?scratch dir}; shift
[ $# -gt 0 ] || { echo "give at least one MLflow commit" >&2; exit 2; }
MLFLOW_GIT=${MLFLOW_GIT:-https://github.com/mlflow/mlflow}
OTEL_GIT=${OTEL_GIT:-https://github.com/open-telemetry/opentelemetry-python}
CACHETOOLS_GIT=${CACHETOOLS_GIT:-https://github.com/tkem/cachetools}
DBSDK_GIT=${DBSDK_GIT:-https://github.com/databricks/databricks-sdk-py}
mkdir -p "$scratch"; scratch=$(cd "$scratch" && pwd)

# Debian bookworm packages the tracking server imports (matplotlib, sklearn, scipy are not imported by the server)
if [ "$(id -u)" = 0 ]; then
  apt-get install -y -q python3-flask python3-flask-cors python3-alembic python3-sqlalchemy python3-cachetools python3-click \
    python3-cloudpickle python3-cryptography python3-docker python3-git python3-graphene python3-gunicorn python3-importlib-metadata \
    python3-numpy python3-packaging python3-pandas python3-protobuf python3-pydantic python3-dotenv python3-yaml python3-requests \
    python3-sqlparse python3-typing-extensions python3-werkzeug python3-markdown python3-jinja2 python3-deprecated \
    python3-fastapi python3-uvicorn python3-starlette python3-flaskext.wtf >/dev/null
fi

# git dir of a source: a local bare/non-bare repository as is, else a bare clone in the scratch dir
gitdir() {
  local src=$1 name=$2
  if [ -d "$src" ]; then echo "$src"; return; fi
  [ -d "$scratch/git/$name" ] || git clone -q --bare --filter=blob:none "$src" "$scratch/git/$name"
  echo "$scratch/git/$name"
}

# Writes every blob of <commit>:<paths> under <dest>; a blob missing from a partial mirror is listed, not fatal
# (git archive stops at the first one: in the mirror we used, only a Java proto and a package index json were absent).
extract() {
  local repo=$1 commit=$2 dest=$3; shift 3
  mkdir -p "$dest"; : > "$dest.missing"
  git -C "$repo" ls-tree -r "$commit" -- "$@" | while read -r _ type sha path; do
    [ "$type" = blob ] || continue
    mkdir -p "$dest/$(dirname "$path")"
    git -C "$repo" cat-file blob "$sha" > "$dest/$path" 2>/dev/null || { echo "$path" >> "$dest.missing"; rm -f "$dest/$path"; }
  done
}

# A NAME-VERSION.dist-info with the entry points of a pyproject: importlib.metadata must see the packages
# (OpenTelemetry finds its context implementation, MLflow its basic-auth app, through entry points).
distinfo() {
  python3 - "$@" <<'PY'
import os, sys, tomllib
pyproject, version, site = sys.argv[1:4]
d = tomllib.load(open(pyproject, 'rb'))['project'] if pyproject != '-' else {'name': sys.argv[4]}
di = os.path.join(site, f"{d['name'].replace('-', '_')}-{version}.dist-info"); os.makedirs(di, exist_ok=True)
open(os.path.join(di, 'METADATA'), 'w').write(f"Metadata-Version: 2.1\nName: {d['name']}\nVersion: {version}\n")
with open(os.path.join(di, 'entry_points.txt'), 'w') as f:
    for group, items in d.get('entry-points', {}).items():
        f.write(f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in items.items()) + "\n")
PY
}

site=$scratch/site
if [ ! -d "$site/opentelemetry" ]; then
  otel=$(gitdir "$OTEL_GIT" otel)
  extract "$otel" v1.27.0 "$scratch/src/otel" opentelemetry-api opentelemetry-sdk opentelemetry-proto opentelemetry-semantic-conventions
  mkdir -p "$site/opentelemetry"
  for p in api sdk proto semantic-conventions; do cp -r "$scratch/src/otel/opentelemetry-$p/src/opentelemetry/." "$site/opentelemetry/"; done
  for p in "api 1.27.0" "sdk 1.27.0" "proto 1.27.0" "semantic-conventions 0.48b0"; do
    read -r pkg ver <<< "$p"; distinfo "$scratch/src/otel/opentelemetry-$pkg/pyproject.toml" "$ver" "$site"
  done
fi
if [ ! -d "$site/cachetools" ]; then
  extract "$(gitdir "$CACHETOOLS_GIT" cachetools)" v5.5.2 "$scratch/src/cachetools" src/cachetools
  cp -r "$scratch/src/cachetools/src/cachetools" "$site/"; distinfo - 5.5.2 "$site" cachetools
fi
if [ ! -d "$site/databricks" ]; then
  extract "$(gitdir "$DBSDK_GIT" dbsdk)" v0.70.0 "$scratch/src/dbsdk" databricks
  cp -r "$scratch/src/dbsdk/databricks" "$site/"; distinfo - 0.70.0 "$site" databricks-sdk
fi

mlflow=$(gitdir "$MLFLOW_GIT" mlflow)
for commit in "$@"; do
  full=$(git -C "$mlflow" rev-parse "$commit^{commit}")
  dest=$scratch/mlflow-${full:0:9}
  if [ ! -d "$dest/mlflow" ]; then
    extract "$mlflow" "$full" "$dest" mlflow pyproject.toml
    version=$(sed -n 's/^VERSION = "\(.*\)"/\1/p' "$dest/mlflow/version.py")
    echo "$full" > "$dest/.commit"
    distinfo "$dest/pyproject.toml" "$version" "$dest"   # MLflow >= 3 checks that the 'mlflow' distribution is installed
  fi
  echo "$dest ($(sed -n 's/^VERSION = "\(.*\)"/\1/p' "$dest/mlflow/version.py"), missing blobs: $(wc -l < "$dest.missing"))"
done
