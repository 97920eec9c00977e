-- SPDX-License-Identifier: MIT
-- The tables of a workbook edition.  share/edition-<year>.sql fills them;
-- a new submission file gets both, so it keeps the edition it was filled in.
-- Rows only: no PRAGMA, no transaction (the caller wraps it).

CREATE TABLE edition (
  id        TEXT NOT NULL,        -- '2020'
  title     TEXT NOT NULL,        -- 'APM National Data Collection Metrics'
  form      TEXT NOT NULL,        -- 'CMS-10620'
  data_year TEXT NOT NULL,        -- 'CY 2019'
  -- Answers and models the program's own rules work with (NULL: none):
  name_key     TEXT,              -- the answer naming the plan: 'gi.org_name'
  nr_method    TEXT,              -- how nominal risk is reported: 'nr.method'
  nr_attest    TEXT,              -- its answer "all of them meet it": 'attest'
  nr_worksheet TEXT,              -- its answer "the worksheet says": 'worksheet'
  nr_model     TEXT               -- the payment model the nominal-risk
                                  -- threshold is for: 'cat3b_shared_risk'
);

-- Tabs in the workbook's (and the online survey's) order.
CREATE TABLE edition_tab (
  id    TEXT PRIMARY KEY,         -- gi pm commercial ma medicaid xc nr iq
  pos   INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL,            -- 'Commercial metrics'
  short TEXT NOT NULL,            -- 'Commercial' (tab bar)
  intro TEXT NOT NULL DEFAULT '', -- shown above the tab's questions
  help  TEXT NOT NULL DEFAULT '', -- the tab's help (e.g. the Methods text)
  rows_head TEXT                  -- a metric tab: the heading over its rows'
                                  -- short labels, 'Total dollars paid to ...'
);

-- The lines of business, in the edition's words.  The ids are the
-- program's (they name answers, metric tabs and worksheet rows):
-- 'commercial', 'ma' and 'medicaid'.
CREATE TABLE edition_line (
  id      TEXT PRIMARY KEY,       -- 'ma'
  pos     INTEGER NOT NULL UNIQUE,
  name    TEXT NOT NULL,          -- 'Medicare Advantage' (messages, show)
  short   TEXT NOT NULL,          -- 'MA' (tables, the status line)
  nr_name TEXT NOT NULL           -- 'Medicare' (the nominal-risk worksheet)
);

-- Choice sets for 'choice' and 'multi' questions, in display order.
CREATE TABLE edition_choice (
  set_id TEXT NOT NULL,
  pos    INTEGER NOT NULL,
  value  TEXT NOT NULL,           -- machine name, lower case
  label  TEXT NOT NULL,           -- the workbook's wording
  PRIMARY KEY (set_id, value)
);

-- The twelve payment models of Tab 3.
CREATE TABLE edition_model (
  id       TEXT PRIMARY KEY,      -- 'cat3b_shared_risk'
  pos      INTEGER NOT NULL UNIQUE,
  label    TEXT NOT NULL,         -- 'Cat 3B: FFS-based Shared Risk'
  category TEXT NOT NULL          -- '1' '2' '3' '4'
);

-- The APM framework's categories that edition_model.category names, in
-- order: the segments of each metric tab's bar.
CREATE TABLE edition_category (
  id    TEXT PRIMARY KEY,         -- '1'
  pos   INTEGER NOT NULL UNIQUE,
  label TEXT NOT NULL             -- 'Cat 1' (the bar's legend)
);

-- Every answer, in the online survey's page order (pos), grouped by tab.
CREATE TABLE edition_question (
  key         TEXT PRIMARY KEY,
  pos         INTEGER NOT NULL UNIQUE,
  tab         TEXT NOT NULL REFERENCES edition_tab(id),
  -- the checks compare rather than use IN: PRAGMA quick_check would build
  -- an index of an IN list's values for every row it checks
  type        TEXT NOT NULL CHECK (type = 'text' OR type = 'longtext' OR
                type = 'email' OR type = 'phone' OR type = 'yesno' OR
                type = 'whole' OR type = 'hours' OR type = 'money' OR
                type = 'computed' OR type = 'choice' OR type = 'multi'),
  prompt      TEXT NOT NULL DEFAULT '', -- the workbook's question (same for a group)
  label       TEXT NOT NULL,            -- this answer's label / the metric's wording
  row         TEXT,                     -- metric row number on its own tab
  section     TEXT,                     -- heading that starts at this question
  role        TEXT CHECK (role = 'denominator' OR role = 'numerator' OR
                role = 'subtotal'),
  formula     TEXT,                     -- computed: 'commercial.m3 + commercial.m4'
  share_label TEXT,                     -- metric: 'Description of Metric' column
  choices     TEXT,                     -- edition_choice.set_id
  max_choices INTEGER,                  -- multi: at most this many
  required    INTEGER NOT NULL DEFAULT 0,
  show_if     TEXT,                     -- display condition, see below
  help        TEXT,                     -- definition terms, '|'-separated
  model       TEXT REFERENCES edition_model(id),
  short_label TEXT,                     -- metric row: its label without
                                        -- the tab's rows_head and period
  section_short TEXT,                   -- metric tab: the section heading
                                        -- short, its parts '|'-separated
  total_of    TEXT,                     -- metric row: the category whose
                                        -- dollars it totals (the bar)
  instruction TEXT                      -- the workbook's direction between
                                        -- the prompt and the answers it
                                        -- starts: 'Please respond to each
                                        -- statement listed.'
);
-- show_if: terms joined by ' & ', each either
--   KEY=VALUE                  the question KEY is shown and answered VALUE
--                              (a multi-select: includes VALUE)
--   N of KEY,KEY,...=VALUE     at least N of those keys are shown and VALUE
-- A condition may only name questions that come earlier.

-- The national measures `apmwb aggregate` sums over many submissions.
-- The ids are the program's (its output names them): total, cat1, cat2,
-- cat3, cat4, cat2_4, cat3_4, cat3b_4, nr_meets, nr_fails.
CREATE TABLE edition_measure (
  id    TEXT PRIMARY KEY,         -- 'cat3b_4'
  pos   INTEGER NOT NULL UNIQUE,
  label TEXT NOT NULL,            -- 'Categories 3B-4 (rows 8+9+16)'
  rows  TEXT                      -- 'm8 + m9 + m16': each line's rows
                                  -- added (<line>.m8 ...); NULL for the
                                  -- two of the nominal-risk summary
);

-- The Definitions tab, in its order.
CREATE TABLE edition_definition (
  term TEXT PRIMARY KEY,
  pos  INTEGER NOT NULL UNIQUE,
  body TEXT NOT NULL
);

-- Longer help: introduction, methods, nominal-risk introduction and example,
-- cross-checking advice.
CREATE TABLE edition_help (
  id    TEXT PRIMARY KEY,
  pos   INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL,
  body  TEXT NOT NULL
);
