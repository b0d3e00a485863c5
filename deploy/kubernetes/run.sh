#!/usr/bin/env bash
# Runs the sharded comparison on a Kubernetes cluster with kubectl: the scenario into the
# ConfigMap signalsim-scenario, the results volume, the Indexed Job of the shards, a wait until it
# is complete, then the merge Job and its log.
#   deploy/kubernetes/run.sh SCENARIO [TIMEOUT]     (TIMEOUT as kubectl wait takes it, default 6h)
# The image signalsim:latest (deploy/Dockerfile) must be pullable by the cluster's nodes; edit
# the image, --replications, --shards/completions and resources in compare-job.yaml to suit.
set -euo pipefail

if [ "$#" -lt 1 ]; then
  echo "usage: $0 SCENARIO [TIMEOUT]" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
timeout="${2:-6h}"
kubectl create configmap signalsim-scenario --from-file=scenario.json="$1" --dry-run=client -o yaml | kubectl apply -f -
kubectl apply -f "$here/results-pvc.yaml"
# A Job's pod template cannot change: a finished run is deleted before the next one.
kubectl delete job signalsim-compare signalsim-merge --ignore-not-found
kubectl apply -f "$here/compare-job.yaml"
kubectl wait --for=condition=complete --timeout="$timeout" job/signalsim-compare
kubectl apply -f "$here/merge-job.yaml"
kubectl wait --for=condition=complete --timeout=30m job/signalsim-merge || { kubectl logs job/signalsim-merge; exit 1; }
kubectl logs job/signalsim-merge
