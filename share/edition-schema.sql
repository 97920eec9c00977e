-- SPDX-License-Identifier: MIT
-- The tables of a workbook edition.  share/edition-<year>.sql fills them;
-- a new submission file gets both, so it keeps the edition it was filled in.
-- Rows only: no PRAGMA, no transaction (the caller wraps it).

CREATE TABLE edition (
  id        TEXT NOT NULL,        -- '2020'
  title     TEXT NOT NULL,        -- 'APM National Data Collection Metrics'
  form      TEXT NOT NULL,        -- 'CMS-10620'
  data_year TEXT NOT NULL         -- 'CY 2019'
);

-- Tabs in the workbook's (and the online survey's) order.
CREATE TABLE edition_tab (
  id    TEXT PRIMARY KEY,         -- gi pm commercial ma medicaid xc nr iq
  pos   INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL,            -- 'Commercial metrics'
  short TEXT NOT NULL,            -- 'Commercial' (tab bar)
  intro TEXT NOT NULL DEFAULT '', -- shown above the tab's questions
  help  TEXT NOT NULL DEFAULT ''  -- the tab's help (e.g. the Methods text)
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

-- Every answer, in the online survey's page order (pos), grouped by tab.
CREATE TABLE edition_question (
  key         TEXT PRIMARY KEY,
  pos         INTEGER NOT NULL UNIQUE,
  tab         TEXT NOT NULL REFERENCES edition_tab(id),
  type        TEXT NOT NULL CHECK (type IN ('text','longtext','email','phone',
                'yesno','whole','hours','money','computed','choice','multi')),
  prompt      TEXT NOT NULL DEFAULT '', -- the workbook's question (same for a group)
  label       TEXT NOT NULL,            -- this answer's label / the metric's wording
  row         TEXT,                     -- metric row number on its own tab
  section     TEXT,                     -- heading that starts at this question
  role        TEXT CHECK (role IN ('denominator','numerator','subtotal')),
  formula     TEXT,                     -- computed: 'commercial.m3 + commercial.m4'
  share_label TEXT,                     -- metric: 'Description of Metric' column
  choices     TEXT,                     -- edition_choice.set_id
  max_choices INTEGER,                  -- multi: at most this many
  required    INTEGER NOT NULL DEFAULT 0,
  show_if     TEXT,                     -- display condition, see below
  help        TEXT,                     -- definition terms, '|'-separated
  model       TEXT REFERENCES edition_model(id)
);
-- show_if: terms joined by ' & ', each either
--   KEY=VALUE                  the question KEY is shown and answered VALUE
--                              (a multi-select: includes VALUE)
--   N of KEY,KEY,...=VALUE     at least N of those keys are shown and VALUE
-- A condition may only name questions that come earlier.

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
