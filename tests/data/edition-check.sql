-- SPDX-License-Identifier: MIT
-- edition-check.sql: consistency checks of the built-in edition.
--
-- Run over a scratch database holding the schema and the edition:
--   rm -f /tmp/ed.db
--   cat share/edition-schema.sql share/edition-2020.sql | sqlite3 -bail /tmp/ed.db
--   sqlite3 /tmp/ed.db < tests/data/edition-check.sql
-- Every query returns no rows when the edition is right; each row it does
-- return names the check (first column) and what is wrong.

-- One edition row, the 2020 form.
SELECT 'edition', count(*) FROM edition
HAVING count(*) <> 1
    OR sum(id = '2020' AND form = 'CMS-10620' AND data_year = 'CY 2019') <> 1;

-- Eight tabs in the survey's order, positions 1..8.
SELECT 'tab order', group_concat(id, ' ')
FROM (SELECT id FROM edition_tab ORDER BY pos)
HAVING group_concat(id, ' ') <> 'gi pm commercial ma medicaid xc nr iq'
    OR (SELECT min(pos) || '-' || max(pos) FROM edition_tab) <> '1-8';

-- Every tab has a title and a short name for the tab bar.
SELECT 'tab title', id FROM edition_tab WHERE title = '' OR short = '';

-- Metric tabs, xc, nr and iq have an intro; metric tabs and nr have help.
SELECT 'tab intro', id FROM edition_tab
WHERE (id IN ('commercial', 'ma', 'medicaid', 'xc', 'nr', 'iq') AND intro = '')
   OR (id IN ('commercial', 'ma', 'medicaid', 'nr') AND help = '');

-- Twelve payment models, positions 1..12, categories 1..4 only.
SELECT 'models', count(*) FROM edition_model
HAVING count(*) <> 12 OR min(pos) <> 1 OR max(pos) <> 12
    OR sum(category NOT IN ('1', '2', '3', '4')) > 0;

-- The models in the spec's order with their categories.
SELECT 'model order', group_concat(id || ':' || category, ' ')
FROM (SELECT id, category FROM edition_model ORDER BY pos)
HAVING group_concat(id || ':' || category, ' ') <>
  'cat1_legacy:1 cat2a_foundational:2 cat2c_p4p:2 cat3a_shared_savings:3 '
  || 'cat3a_utilization_savings:3 cat3b_shared_risk:3 cat3b_procedure_bundles:3 '
  || 'cat4a_condition_population:4 cat4a_condition_bundles:4 cat4b_population:4 '
  || 'cat4b_premium:4 cat4c_integrated:4';

-- Question positions run 1..N without gaps.
SELECT 'pos gaps', count(*), min(pos), max(pos) FROM edition_question
HAVING min(pos) <> 1 OR max(pos) <> count(*);

-- Questions are grouped by tab in tab order: no question sits before a
-- question of an earlier tab; xc has none.
SELECT 'tab grouping', a.key, b.key
FROM edition_question a
JOIN edition_question b ON b.pos > a.pos
JOIN edition_tab ta ON ta.id = a.tab
JOIN edition_tab tb ON tb.id = b.tab
WHERE tb.pos < ta.pos;
SELECT 'xc has questions', key FROM edition_question WHERE tab = 'xc';

-- Keys start with their tab's prefix (metric rows: the line).
SELECT 'key prefix', key, tab FROM edition_question
WHERE substr(key, 1, length(tab) + 1) <> tab || '.';

-- 36 payment-model questions: each model once per line, in model-major
-- order, labelled and conditioned as the spec says.
SELECT 'pm count', count(*) FROM edition_question WHERE tab = 'pm'
HAVING count(*) <> 36;
SELECT 'pm row', q.key FROM edition_question q
LEFT JOIN edition_model m ON m.id = q.model
WHERE q.tab = 'pm' AND (m.id IS NULL OR q.type <> 'yesno' OR q.required <> 0
   OR q.label <> m.label
   OR q.key NOT IN ('pm.commercial.' || m.id, 'pm.ma.' || m.id,
                    'pm.medicaid.' || m.id)
   OR q.show_if <> 'gi.lob.' || substr(q.key, 4, instr(substr(q.key, 4), '.') - 1)
                  || '=yes'
   OR q.prompt <> 'What payment models were in effect in CY 2019? Please specify the line of business.');
SELECT 'pm order', group_concat(key, ' ')
FROM (SELECT key FROM edition_question WHERE tab = 'pm' ORDER BY pos)
HAVING group_concat(key, ' ') <> (
  SELECT group_concat(k, ' ') FROM (
    SELECT 'pm.' || l.lob || '.' || m.id AS k
    FROM edition_model m
    CROSS JOIN (SELECT 'commercial' AS lob, 1 AS o UNION ALL
                SELECT 'ma', 2 UNION ALL SELECT 'medicaid', 3) l
    ORDER BY m.pos, l.o));

-- Each metric tab: 19 rows keyed <lob>.m1..m19 in row order, with
-- 1 denominator, 12 numerators and 6 subtotals.
SELECT 'metric rows', tab, count(*),
       sum(role = 'denominator'), sum(role = 'numerator'), sum(role = 'subtotal')
FROM edition_question WHERE tab IN ('commercial', 'ma', 'medicaid')
GROUP BY tab
HAVING count(*) <> 19 OR sum(role = 'denominator') <> 1
    OR sum(role = 'numerator') <> 12 OR sum(role = 'subtotal') <> 6;
SELECT 'metric tabs', count(DISTINCT tab) FROM edition_question
WHERE tab IN ('commercial', 'ma', 'medicaid')
HAVING count(DISTINCT tab) <> 3;
SELECT 'metric key', key, row FROM edition_question
WHERE tab IN ('commercial', 'ma', 'medicaid')
  AND (row IS NULL OR key <> tab || '.m' || row
       OR pos - (SELECT min(pos) FROM edition_question x WHERE x.tab = edition_question.tab) + 1
          <> CAST(row AS INTEGER)
       OR label = '' OR share_label IS NULL OR share_label = '');
SELECT 'role outside metrics', key FROM edition_question
WHERE role IS NOT NULL AND tab NOT IN ('commercial', 'ma', 'medicaid');

-- Row types and conditions: row 1 the denominator, money, shown with its
-- line; the computed rows 5, 10, 16-19 subtotals shown with the line; the
-- rest money numerators shown with their model.
SELECT 'metric role', key FROM edition_question
WHERE tab IN ('commercial', 'ma', 'medicaid') AND NOT (
     (row = '1' AND type = 'money' AND role = 'denominator'
      AND model IS NULL AND show_if = 'gi.lob.' || tab || '=yes')
  OR (row IN ('5', '10', '16', '17', '18', '19') AND type = 'computed'
      AND role = 'subtotal' AND model IS NULL
      AND show_if = 'gi.lob.' || tab || '=yes')
  OR (row IN ('2', '3', '4', '6', '7', '8', '9', '11', '12', '13', '14', '15')
      AND type = 'money' AND role = 'numerator' AND model IS NOT NULL
      AND show_if = 'pm.' || tab || '.' || model || '=yes'));

-- Each model has exactly one numerator row per line.
SELECT 'model rows', m.id, t.tab, count(q.key)
FROM edition_model m
CROSS JOIN (SELECT 'commercial' AS tab UNION ALL SELECT 'ma'
            UNION ALL SELECT 'medicaid') t
LEFT JOIN edition_question q ON q.tab = t.tab AND q.model = m.id
                              AND q.role = 'numerator'
GROUP BY m.id, t.tab
HAVING count(q.key) <> 1;

-- The rows of the spec's table; commercial numbers 12 and 13 the other way
-- round from MA and Medicaid.
SELECT 'model row', q.key, q.model FROM edition_question q
JOIN (SELECT '2' AS row, 'cat1_legacy' AS c, 'cat1_legacy' AS o UNION ALL
      SELECT '3', 'cat2a_foundational', 'cat2a_foundational' UNION ALL
      SELECT '4', 'cat2c_p4p', 'cat2c_p4p' UNION ALL
      SELECT '6', 'cat3a_shared_savings', 'cat3a_shared_savings' UNION ALL
      SELECT '7', 'cat3a_utilization_savings', 'cat3a_utilization_savings' UNION ALL
      SELECT '8', 'cat3b_shared_risk', 'cat3b_shared_risk' UNION ALL
      SELECT '9', 'cat3b_procedure_bundles', 'cat3b_procedure_bundles' UNION ALL
      SELECT '11', 'cat4a_condition_population', 'cat4a_condition_population' UNION ALL
      SELECT '12', 'cat4b_population', 'cat4a_condition_bundles' UNION ALL
      SELECT '13', 'cat4a_condition_bundles', 'cat4b_population' UNION ALL
      SELECT '14', 'cat4b_premium', 'cat4b_premium' UNION ALL
      SELECT '15', 'cat4c_integrated', 'cat4c_integrated') s ON s.row = q.row
WHERE q.tab IN ('commercial', 'ma', 'medicaid')
  AND q.model <> CASE q.tab WHEN 'commercial' THEN s.c ELSE s.o END;
SELECT 'row 12', key, model FROM edition_question
WHERE (key = 'commercial.m12' AND model IS NOT 'cat4b_population')
   OR (key = 'ma.m12' AND model IS NOT 'cat4a_condition_bundles')
   OR (key = 'medicaid.m12' AND model IS NOT 'cat4a_condition_bundles');

-- A row's wording names its model: the 4A bundles rows say
-- "bundled/episode", the 4B population rows "NOT condition-specific".
SELECT 'row wording', key FROM edition_question
WHERE (model = 'cat4a_condition_bundles' AND tab <> 'pm'
       AND label NOT LIKE '%condition-specific, bundled/episode%')
   OR (model = 'cat4b_population' AND tab <> 'pm'
       AND label NOT LIKE '%NOT condition-specific%');

-- Sections start on rows 2, 3, 6, 11 and 17 only, in the line's wording.
SELECT 'section', key, section FROM edition_question
WHERE tab IN ('commercial', 'ma', 'medicaid')
  AND ((row IN ('2', '3', '6', '11')
        AND section NOT LIKE 'Alternative Payment Model Framework - Category %'
            || CASE tab WHEN 'commercial' THEN 'commercial members'
                        WHEN 'ma' THEN 'MA members'
                        ELSE 'Medicaid beneficiaries' END || '%')
    OR (row = '17' AND section IS NOT
        'Aggregated Metrics (Comparison between Category 1 and Categories 2-4)')
    OR (row NOT IN ('2', '3', '6', '11', '17') AND section IS NOT NULL));

-- The formulas of the computed rows, exactly.
SELECT 'formula', key, formula FROM edition_question q
WHERE type = 'computed' AND formula IS NOT CASE row
  WHEN '5' THEN tab || '.m3 + ' || tab || '.m4'
  WHEN '10' THEN tab || '.m6 + ' || tab || '.m7 + ' || tab || '.m8 + ' || tab || '.m9'
  WHEN '16' THEN tab || '.m11 + ' || tab || '.m12 + ' || tab || '.m13 + '
                 || tab || '.m14 + ' || tab || '.m15'
  WHEN '17' THEN tab || '.m2'
  WHEN '18' THEN tab || '.m5 + ' || tab || '.m10 + ' || tab || '.m16'
  WHEN '19' THEN tab || '.m10 + ' || tab || '.m16'
END;
SELECT 'formula outside computed', key FROM edition_question
WHERE (type = 'computed') <> (formula IS NOT NULL AND formula <> '');

-- Every key a formula names exists earlier, on the same tab, in dollars.
WITH RECURSIVE parts(key, rest, name) AS (
  SELECT key, formula || ' + ', NULL FROM edition_question
  WHERE formula IS NOT NULL
  UNION ALL
  SELECT key, substr(rest, instr(rest, ' + ') + 3),
         substr(rest, 1, instr(rest, ' + ') - 1)
  FROM parts WHERE rest <> '')
SELECT 'formula key', p.key, p.name FROM parts p
JOIN edition_question q ON q.key = p.key
LEFT JOIN edition_question n ON n.key = p.name
WHERE p.name IS NOT NULL
  AND (n.key IS NULL OR n.pos >= q.pos OR n.tab <> q.tab
       OR n.type NOT IN ('money', 'computed'));

-- Every key a display condition names exists earlier, and the value it
-- asks for is one that question can have.
WITH RECURSIVE
terms(key, rest, term) AS (
  SELECT key, show_if || ' & ', NULL FROM edition_question
  WHERE show_if IS NOT NULL
  UNION ALL
  SELECT key, substr(rest, instr(rest, ' & ') + 3),
         substr(rest, 1, instr(rest, ' & ') - 1)
  FROM terms WHERE rest <> ''),
bodies(key, body) AS (
  SELECT key, CASE WHEN term GLOB '[0-9]* of *'
                   THEN substr(term, instr(term, ' of ') + 4) ELSE term END
  FROM terms WHERE term IS NOT NULL),
conds(key, keys, value) AS (
  SELECT key, substr(body, 1, instr(body, '=') - 1),
         substr(body, instr(body, '=') + 1)
  FROM bodies),
names(key, rest, name, value) AS (
  SELECT key, keys || ',', NULL, value FROM conds
  UNION ALL
  SELECT key, substr(rest, instr(rest, ',') + 1),
         substr(rest, 1, instr(rest, ',') - 1), value
  FROM names WHERE rest <> '')
SELECT 'show_if key', x.key, x.name, x.value FROM names x
JOIN edition_question q ON q.key = x.key
LEFT JOIN edition_question n ON n.key = x.name
WHERE x.name IS NOT NULL
  AND (n.key IS NULL OR n.pos >= q.pos
       OR (n.type = 'yesno' AND x.value NOT IN ('yes', 'no'))
       OR (n.type IN ('choice', 'multi') AND NOT EXISTS (
             SELECT 1 FROM edition_choice c
             WHERE c.set_id = n.choices AND c.value = x.value))
       OR n.type NOT IN ('yesno', 'choice', 'multi'));

-- Conditions are well formed: "KEY=VALUE" or "N of KEY,KEY=VALUE" terms.
SELECT 'show_if form', key, show_if FROM edition_question
WHERE show_if IS NOT NULL
  AND (show_if NOT LIKE '%=%' OR show_if LIKE '%==%' OR show_if LIKE '% = %');

-- Every help term is a term of the Definitions tab.
WITH RECURSIVE parts(key, rest, term) AS (
  SELECT key, help || '|', NULL FROM edition_question WHERE help IS NOT NULL
  UNION ALL
  SELECT key, substr(rest, instr(rest, '|') + 1),
         substr(rest, 1, instr(rest, '|') - 1)
  FROM parts WHERE rest <> '')
SELECT 'help term', p.key, p.term FROM parts p
WHERE p.term IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM edition_definition d WHERE d.term = p.term);

-- Choice and multi questions name an existing set; no other type has one;
-- only multi-selects have a maximum.
SELECT 'choices', key, type, choices FROM edition_question
WHERE (type IN ('choice', 'multi') AND NOT EXISTS (
         SELECT 1 FROM edition_choice c WHERE c.set_id = choices))
   OR (type NOT IN ('choice', 'multi') AND choices IS NOT NULL)
   OR (type <> 'multi' AND max_choices IS NOT NULL);

-- Choice sets have positions 1..N and a label for every value.
SELECT 'choice set', set_id, count(*) FROM edition_choice
GROUP BY set_id
HAVING min(pos) <> 1 OR max(pos) <> count(*) OR count(DISTINCT pos) <> count(*)
    OR sum(label = '') > 0 OR sum(value <> lower(value)) > 0;

-- The spec's choice values, in order.
SELECT 'choice values', s.set_id, s.want,
       (SELECT group_concat(value, ' ') FROM
          (SELECT value FROM edition_choice c WHERE c.set_id = s.set_id ORDER BY pos))
FROM (SELECT 'nr_method' AS set_id, 'attest worksheet' AS want UNION ALL
      SELECT 'trend', 'increase same decrease not_sure' UNION ALL
      SELECT 'subcat_increase', '3a 3b 4a 4b 4c' UNION ALL
      SELECT 'subcat_decrease', '3a 3b 4a 4b 4c not_sure' UNION ALL
      SELECT 'factor', 'provider_interest plan_interest purchaser_interest '
        || 'government provider_operationalize plan_operationalize '
        || 'interoperability provider_risk market other' UNION ALL
      SELECT 'likert', 'strongly_disagree disagree agree strongly_agree not_sure') s
WHERE s.want IS NOT (SELECT group_concat(value, ' ') FROM
          (SELECT value FROM edition_choice c WHERE c.set_id = s.set_id ORDER BY pos));

-- Every set is used by some question.
SELECT DISTINCT 'unused set', set_id FROM edition_choice
WHERE set_id NOT IN (SELECT choices FROM edition_question
                     WHERE choices IS NOT NULL);

-- Questions of a group share their prompt; required answers as the spec says.
SELECT 'required', key, required FROM edition_question
WHERE required <> (key IN ('gi.contact_name', 'gi.contact_email',
                           'gi.contact_phone', 'gi.org_name', 'nr.method',
                           'iq.barriers_other', 'iq.facilitators_other'));
SELECT 'group prompt', key FROM edition_question a
WHERE EXISTS (SELECT 1 FROM edition_question b
              WHERE b.tab = a.tab AND b.prompt <> a.prompt
                AND ((a.key GLOB 'gi.contact_*' OR a.key = 'gi.org_name')
                     AND (b.key GLOB 'gi.contact_*' OR b.key = 'gi.org_name')
                  OR (a.key GLOB 'gi.lob.*' AND b.key GLOB 'gi.lob.*')
                  OR (a.key GLOB 'gi.members.*' AND b.key GLOB 'gi.members.*')
                  OR (a.key GLOB 'gi.hours.*' AND b.key GLOB 'gi.hours.*')
                  OR (a.key GLOB 'iq.outcome.*' AND b.key GLOB 'iq.outcome.*')));

-- Every key the spec lists for gi, nr and iq is there with its type.
SELECT 'spec key', s.key, s.type FROM (
  SELECT 'gi.contact_name' AS key, 'text' AS type UNION ALL
  SELECT 'gi.contact_email', 'email' UNION ALL
  SELECT 'gi.contact_phone', 'phone' UNION ALL
  SELECT 'gi.org_name', 'text' UNION ALL
  SELECT 'gi.lob.commercial', 'yesno' UNION ALL
  SELECT 'gi.lob.ma', 'yesno' UNION ALL
  SELECT 'gi.lob.medicaid', 'yesno' UNION ALL
  SELECT 'gi.members.commercial', 'whole' UNION ALL
  SELECT 'gi.members.ma', 'whole' UNION ALL
  SELECT 'gi.members.medicaid', 'whole' UNION ALL
  SELECT 'gi.assumptions', 'longtext' UNION ALL
  SELECT 'gi.hours.commercial', 'hours' UNION ALL
  SELECT 'gi.hours.ma', 'hours' UNION ALL
  SELECT 'gi.hours.medicaid', 'hours' UNION ALL
  SELECT 'nr.method', 'choice' UNION ALL
  SELECT 'iq.trend', 'choice' UNION ALL
  SELECT 'iq.increase_most', 'choice' UNION ALL
  SELECT 'iq.decrease_most', 'choice' UNION ALL
  SELECT 'iq.barriers', 'multi' UNION ALL
  SELECT 'iq.barriers_other', 'text' UNION ALL
  SELECT 'iq.facilitators', 'multi' UNION ALL
  SELECT 'iq.facilitators_other', 'text' UNION ALL
  SELECT 'iq.outcome.quality', 'choice' UNION ALL
  SELECT 'iq.outcome.affordable', 'choice' UNION ALL
  SELECT 'iq.outcome.coordination', 'choice' UNION ALL
  SELECT 'iq.outcome.consolidation', 'choice' UNION ALL
  SELECT 'iq.outcome.prices', 'choice' UNION ALL
  SELECT 'iq.vary_by_lob', 'yesno' UNION ALL
  SELECT 'iq.vary_by_lob_how', 'longtext') s
WHERE NOT EXISTS (SELECT 1 FROM edition_question q
                  WHERE q.key = s.key AND q.type = s.type);
SELECT 'extra key', key FROM edition_question
WHERE tab IN ('gi', 'nr', 'iq') AND key NOT IN (
  'gi.contact_name', 'gi.contact_email', 'gi.contact_phone', 'gi.org_name',
  'gi.lob.commercial', 'gi.lob.ma', 'gi.lob.medicaid', 'gi.members.commercial',
  'gi.members.ma', 'gi.members.medicaid', 'gi.assumptions',
  'gi.hours.commercial', 'gi.hours.ma', 'gi.hours.medicaid', 'nr.method',
  'iq.trend', 'iq.increase_most', 'iq.decrease_most', 'iq.barriers',
  'iq.barriers_other', 'iq.facilitators', 'iq.facilitators_other',
  'iq.outcome.quality', 'iq.outcome.affordable', 'iq.outcome.coordination',
  'iq.outcome.consolidation', 'iq.outcome.prices', 'iq.vary_by_lob',
  'iq.vary_by_lob_how');

-- Every question has a label.
SELECT 'label', key FROM edition_question WHERE label = '';

-- Definitions: positions 1..N, every term with a body.
SELECT 'definitions', count(*) FROM edition_definition
HAVING count(*) = 0 OR min(pos) <> 1 OR max(pos) <> count(*);
SELECT 'definition body', term FROM edition_definition
WHERE body = '' OR term <> trim(term) OR term LIKE '%' || char(10) || '%';

-- The help topics, in order, each with a title and a body.
SELECT 'help topics', group_concat(id, ' ')
FROM (SELECT id FROM edition_help ORDER BY pos)
HAVING group_concat(id, ' ') <> 'introduction cross_checking xc_over xc_under '
  || 'nominal_intro nominal_example informational'
    OR (SELECT min(pos) || '-' || max(pos) FROM edition_help) <> '1-7';
SELECT 'help body', id FROM edition_help WHERE title = '' OR body = '';

-- No obfuscated address, spreadsheet error or non-breaking space of the
-- source document survives in any text.
WITH texts(what, t) AS (
  SELECT 'tab ' || id, title || intro || help FROM edition_tab UNION ALL
  SELECT 'choice ' || set_id || '.' || value, label FROM edition_choice UNION ALL
  SELECT 'model ' || id, label FROM edition_model UNION ALL
  SELECT 'question ' || key, coalesce(prompt, '') || label
         || coalesce(section, '') || coalesce(share_label, '')
  FROM edition_question UNION ALL
  SELECT 'definition ' || term, term || body FROM edition_definition UNION ALL
  SELECT 'help ' || id, title || body FROM edition_help)
SELECT 'stray text', what FROM texts
WHERE t LIKE '%[email%' OR t LIKE '%protected]%' OR t LIKE '%#DIV/0!%'
   OR t LIKE '%#REF!%' OR instr(t, char(160)) > 0;

-- The keys the program's rules read name what the edition has.
SELECT 'rule keys', name_key, nr_method, nr_model FROM edition
WHERE name_key NOT IN (SELECT key FROM edition_question)
   OR nr_method NOT IN (SELECT key FROM edition_question WHERE type = 'choice')
   OR nr_model NOT IN (SELECT id FROM edition_model)
   OR (SELECT count(*) FROM edition_choice c JOIN edition_question q
       ON c.set_id = q.choices WHERE q.key = nr_method
       AND c.value IN (nr_attest, nr_worksheet)) <> 2;

-- Three lines, each named; the four categories the models name.
SELECT 'lines', group_concat(id, ' ') FROM (SELECT id FROM edition_line ORDER BY pos)
HAVING group_concat(id, ' ') <> 'commercial ma medicaid';
SELECT 'categories', id FROM edition_model
WHERE category NOT IN (SELECT id FROM edition_category);

-- Every metric row has a short label cut from its wording, every heading
-- a short one; each line totals each category in one row.
SELECT 'short label', key FROM edition_question
WHERE tab IN (SELECT id FROM edition_line)
  AND (short_label IS NULL OR instr(label, short_label) = 0
       OR (section IS NULL) <> (section_short IS NULL));
SELECT 'category total', tab, total_of FROM edition_question
WHERE total_of IS NOT NULL GROUP BY tab, total_of HAVING count(*) <> 1
UNION ALL
SELECT 'category total', l.id, c.id FROM edition_line l, edition_category c
WHERE NOT EXISTS (SELECT 1 FROM edition_question
                  WHERE tab = l.id AND total_of = c.id);

-- Every row a measure adds is dollars on every line.
WITH RECURSIVE terms(id, rest, term) AS (
  SELECT id, rows || ' + ', NULL FROM edition_measure WHERE rows IS NOT NULL
  UNION ALL
  SELECT id, substr(rest, instr(rest, ' + ') + 3),
         substr(rest, 1, instr(rest, ' + ') - 1)
  FROM terms WHERE rest <> '')
SELECT 'measure rows', t.id, l.id || '.' || t.term
FROM terms t, edition_line l WHERE t.term IS NOT NULL
  AND l.id || '.' || t.term NOT IN
      (SELECT key FROM edition_question WHERE type IN ('money', 'computed'));
