#!/bin/sh
# SPDX-License-Identifier: MIT
# valgrind-wrap.sh: stands in for apmwb ($APMWB) in the shell tests under
# make check-valgrind: the real program ($APMWB_REAL) under valgrind, its
# report in a log of its own that valgrind-run.sh reads afterwards.
: "${APMWB_REAL:?valgrind-wrap.sh is run by tests/valgrind-run.sh}"
# shellcheck disable=SC2086
exec valgrind $VALGRIND_OPTS_APMWB \
	--log-file="${VALGRIND_LOGS:-/tmp}/vg.%p.log" "$APMWB_REAL" "$@"
