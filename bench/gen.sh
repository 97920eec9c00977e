#!/bin/sh
# SPDX-License-Identifier: MIT
# gen.sh: a realistic submission with N contracts, made fresh at bench time.
#
#   gen.sh APMWB SRCDIR OUTDIR N
#
# Writes OUTDIR/contracts-N.csv (N plausible shared-risk contracts across the
# three lines, both types, some incomplete, labels of every length the screen
# cuts) and OUTDIR/sub-N.apmwb: a new file, every tab answered from
# SRCDIR/bench/answers.json, then the CSV imported as its worksheet.
# Deterministic: the same N gives the same bytes.  Nothing is written in
# the source tree.
set -eu
apmwb=$1 srcdir=$2 out=$3 n=$4
mkdir -p "$out"
csv=$out/contracts-$n.csv sub=$out/sub-$n.apmwb

if [ ! -s "$csv" ]; then
	awk -v n="$n" 'BEGIN {
		split("commercial medicare medicaid", line, " ")
		split("Acme Physicians Group|Northside ACO|Riverbend Health " \
		      "Partners|St. Elsewhere IPA|Valley Oncology Bundle|" \
		      "Lakeshore Medical Home|Tri-County Integrated Care", org, "|")
		print "label,line,type,risk_min,risk_max,shared_risk,dollars"
		s = 12345
		for (i = 1; i <= n; i++) {
			# a small LCG: the same file every time, no srand()
			s = (s * 1103515245 + 12345) % 2147483648
			l = line[s % 3 + 1]
			t = (int(s / 7) % 4) ? "tcoc" : "revenue"
			lo = (int(s / 11) % 10) / 2 + 0.5
			hi = lo + (int(s / 13) % 20) + 1
			sh = (int(s / 17) % 90) + 5
			d = (int(s / 19) % 90000000) + 10000
			lab = org[int(s / 23) % 7 + 1] " " i
			if (i % 97 == 0)      # an incomplete row now and then
				printf "%s,%s,%s,,,%.1f,%d.%02d\n", lab, l, t, sh, d, i % 100
			else if (i % 53 == 0) # a label with a comma, quoted
				printf "\"%s, Inc.\",%s,%s,%.1f,%.1f,%.1f,%d.%02d\n", \
				       lab, l, t, lo, hi, sh, d, i % 100
			else
				printf "%s,%s,%s,%.1f,%.1f,%.1f,%d.%02d\n", \
				       lab, l, t, lo, hi, sh, d, i % 100
		}
	}' > "$csv.tmp"
	mv "$csv.tmp" "$csv"
fi

if [ ! -s "$sub" ]; then
	rm -f "$sub.tmp" "$sub.tmp-journal"
	"$apmwb" new "$sub.tmp" >/dev/null 2>>"$out/gen.log"
	"$apmwb" import "$sub.tmp" "$srcdir/bench/answers.json" >/dev/null 2>>"$out/gen.log"
	"$apmwb" import "$sub.tmp" "$csv" >/dev/null 2>>"$out/gen.log"
	mv "$sub.tmp" "$sub"
fi
