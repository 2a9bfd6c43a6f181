#!/bin/sh
# Stands in for java in WorkerSandboxTest: records who and where a worker process runs, then fails.
{
  echo "uid=$(id -u)"
  echo "gid=$(id -g)"
  echo "groups=$(id -G)"
  echo "cwd=$(pwd)"
  env | sort
  echo "args=$*"
} > "$(dirname "$0")/probe-report"
exit 1
