-- SPDX-License-Identifier: MIT
-- share/edition-2020.sql: the 2020 edition of the LAN "APM National Data
-- Collection Metrics" workbook (form CMS-10620, CY 2019 dollars) as data for
-- the tables of share/edition-schema.sql.  The wording is the workbook's own,
-- typos included (it is the official form's text); obfuscated e-mail
-- addresses of the source are left out, the names kept.
-- Rows only: no schema, no PRAGMA, no transaction (the caller wraps it).

INSERT INTO edition (id, title, form, data_year, name_key, nr_method,
                     nr_attest, nr_worksheet, nr_model) VALUES
  ('2020', 'APM National Data Collection Metrics', 'CMS-10620', 'CY 2019',
   'gi.org_name', 'nr.method', 'attest', 'worksheet', 'cat3b_shared_risk');

-- Tabs, in the workbook's and the online survey's order.
INSERT INTO edition_tab (id, pos, title, short, intro, help) VALUES
  ('gi', 1, 'General information', 'General',
   '',
   '');
INSERT INTO edition_tab (id, pos, title, short, intro, help) VALUES
  ('pm', 2, 'Payment model selection', 'Models',
   '',
   '');
INSERT INTO edition_tab (id, pos, title, short, intro, help, rows_head) VALUES
  ('commercial', 3, 'Commercial metrics', 'Commercial',
   'Goal/Purpose = Track total dollars paid through legacy payments and alternative payment models (APMs) in calendar year (CY) 2019 or most recent 12 months, as specified.

The goal is NOT to gather information on a projection or estimation of where the plan would be if their contracts were in place the entire calendar year. Rather it is based on what the plan actually paid in claims for the specified time period.',
   'Methods

The metrics should report actual dollars paid through APMs CY 2019 or during the specified time period. For example, if a provider is paid $120,000 for the entire year, but entered a shared savings contract with the plan on July 1, 2019, the payments the provider received from January 1, 2019 through June 31, 2019 ($60,000) would be reported as fee-for-service and the payments the provider received from July 1, 2019 through December 31, 2019 ($60,000) would be reported as shared savings, if the reporting period is for CY 2019. An acceptable approach is annualizing dollars paid in APMs based on a point in time, e.g., on a single day such as December 31, 2019, only if the APM contract existed for the full 12-month period. For example, a provider in a shared savings arrangement received $300 (a combination of $285 base payment plus $15 in shared savings), which, if multiplied by 365 (annualized), would be reported as $109,500 in shared savings CY 2019. An unacceptable approach is counting all of the dollars paid to the provider as being in APMs for the entire year, regardless of when the contract was executed (e.g. considering the first example, counting $120,000 in shared savings even though the contract was only in place for half of the reporting year). NOTE: this method is much more vulnerable to variation from actual spending depending on the representativeness of the time period annualized.

Plans should report the total dollars paid, which includes the base payment plus any incentive, such as fee-for-service with a bonus for performance (P4P), fee-for-service and savings that were shared with providers, etc.

To the extent payment to a provider includes multiple APMs, the plans should put the dollars in the dominant APM, meaning the most advanced method. For example, if a provider has a shared savings contract with a health plan and the provider is also eligible for performance bonuses for meeting quality measures (P4P), the health plan would report the FFS claims, shared savings payments (if any), and the P4P dollars in the shared savings subcategory (Category 3).

Plans only need to report dollars for the payment models identified in Tab 3 (Payment Model Selection). Accordingly, the online survey uses display logic to only display the payment models selected as "in effect" by the plan respondent.

Metrics

Please note that the dollars paid through the various APMs (numerator) are actual dollars paid to providers CY 2019 or most recent 12 months unless another method, such as annualizing, is used. Numerators should not be calculated based on members attributed to APMs unless the provider is held responsible for all care (in network, out of network, inpatient, outpatient, behavioral health, pharmacy) the patient receives.',
   'Total dollars paid to providers …');
INSERT INTO edition_tab (id, pos, title, short, intro, help, rows_head) VALUES
  ('ma', 4, 'Medicare Advantage metrics', 'MA',
   'Goal/Purpose = Track total dollars paid through legacy payments and alternative payment models (APMs) in calendar year (CY) 2019 or most recent 12 months, as specified.

The goal is NOT to gather information on a projection or estimation of where the plan would be if their contracts were in place the entire calendar year. Rather it is based on what the plan actually paid in claims for the specified time period.',
   'Methods

The metrics should report actual dollars paid through APMs CY 2019 or during the specified time period. For example, if a provider is paid $120,000 for the entire year, but entered a shared savings contract with the plan on July 1, 2019, the payments the provider received from January 1, 2019 through June 31, 2019 ($60,000) would be reported as fee-for-service and the payments the provider received from July 1, 2019 through December 31, 2019 ($60,000) would be reported as shared savings, if the reporting period is for CY 2019. An acceptable approach is annualizing dollars paid in APMs based on a point in time, e.g., on a single day such as December 31, 2019, only if the APM contract existed for the full 12-month period. For example, a provider in a shared savings arrangement received $300 (a combination of $285 base payment plus $15 in shared savings), which, if multiplied by 365 (annualized), would be reported as $109,500 in shared savings CY 2019. An unacceptable approach is counting all of the dollars paid to the provider as being in APMs for the entire year, regardless of when the contract was executed (e.g. considering the first example, counting $120,000 in shared savings even though the contract was only in place for half of the reporting year). NOTE: this method is much more vulnerable to variation from actual spending depending on the representativeness of the time period annualized.

Plans should report the total dollars paid, which includes the base payment plus any incentive, such as fee-for-service with a bonus for performance (P4P), fee-for-service and savings that were shared with providers, etc.

To the extent payment to a provider includes multiple APMs, the plans should put the dollars in the dominant APM, meaning the most advanced method. For example, if a provider has a shared savings contract with a health plan and the provider is also eligible for performance bonuses for meeting quality measures (P4P), the health plan would report the FFS claims, shared savings payments (if any), and the P4P dollars in the shared savings subcategory (Category 3).

Plans only need to report dollars for the payment models identified in Tab 3 (Payment Model Selection). Accordingly, the online survey uses display logic to only display the payment models selected as "in effect" by the plan respondent.

Metrics

Please note that the dollars paid through the various APMs (numerator) are actual dollars paid to providers CY 2019 or most recent 12 months unless another method, such as annualizing, is used. Numerators should not be calculated based on members attributed to APMs unless the provider is held responsible for all care (in network, out of network, inpatient, outpatient, behavioral health, pharmacy) the patient receives.',
   'Total dollars paid to providers …');
INSERT INTO edition_tab (id, pos, title, short, intro, help, rows_head) VALUES
  ('medicaid', 5, 'Medicaid metrics', 'Medicaid',
   'Goal/Purpose = Track total dollars paid through legacy payments and alternative payment models (APMs) in calendar year (CY) 2019 or most recent 12 months, as specified.

The goal is NOT to gather information on a projection or estimation of where the plan would be if their contracts were in place the entire calendar year. Rather it is based on what the plan or state agency actually paid in claims for the specified time period.',
   'Methods

The metrics should report actual dollars paid through APMs CY 2019 or during the specified time period. For example, if a provider is paid $120,000 for the entire year, but entered a shared savings contract with the plan on July 1, 2019, the payments the provider received from January 1, 2019 through June 31, 2019 ($60,000) would be reported as fee-for-service and the payments the provider received from July 1, 2019 through December 31, 2019 ($60,000) would be reported as shared savings, if the reporting period is for CY 2019. An acceptable approach is annualizing dollars paid in APMs based on a point in time, e.g., on a single day such as December 31, 2019, only if the APM contract existed for the full 12-month period. For example, a provider in a shared savings arrangement received $300 (a combination of $285 base payment plus $15 in shared savings), which, if multiplied by 365 (annualized), would be reported as $109,500 in shared savings CY 2019. An unacceptable approach is counting all of the dollars paid to the provider as being in APMs for the entire year, regardless of when the contract was executed (e.g. considering the first example, counting $120,000 in shared savings even though the contract was only in place for half of the reporting year). NOTE: this method is much more vulnerable to variation from actual spending depending on the representativeness of the time period annualized.

Plans should report the total dollars paid, which includes the base payment plus any incentive, such as fee-for-service with a bonus for performance (P4P), fee-for-service and savings that were shared with providers, etc.

To the extent payment to a provider includes multiple APMs, the plans should put the dollars in the dominant APM, meaning the most advanced method. For example, if a provider has a shared savings contract with a health plan and the provider is also eligible for performance bonuses for meeting quality measures (P4P), the health plan would report the FFS claims, shared savings payments (if any), and the P4P dollars in the shared savings subcategory (Category 3).

Plans only need to report dollars for the payment models identified in Tab 3 (Payment Model Selection). Accordingly, the online survey uses display logic to only display the payment models selected as "in effect" by the plan respondent.

Metrics

Please note that the dollars paid through the various APMs (numerator) are actual dollars paid to providers CY 2019 or most recent 12 months unless another method, such as annualizing, is used. Numerators should not be calculated based on beneficiaries attributed to APMs unless the provider is held responsible for all care (in network, out of network, inpatient, outpatient, behavioral health, pharmacy) the patient receives.',
   'Total dollars paid to providers …');
INSERT INTO edition_tab (id, pos, title, short, intro, help) VALUES
  ('xc', 6, 'Cross-checking', 'Checks',
   'Please take a moment to review your data entry.

The sum of the dollars listed for each payment model (the numerators) should account for exactly 100% of the total dollars paid to providers in 2019 (the denominator). If the sum of the numerators does not equal the denominator, the LAN Measurement Team will email you to identify where dollars are missing or are double counted.',
   'Common issues for why the sum of the numerators is not equal to the denominator:

If the sum of the numerators is greater than the denominator:
Double counting of APM dollars: When a provider arrangement includes more than one type of payment method, all dollars flowing through that arrangement should be categorized today in the most advanced or "dominant" APM.

If the sum of the numerators is less than the denominator:
Not accounting for the underlying fee-for-service payments: Dollars categorized as an APM Categories 2 and 3 rely on a fee-for-service architecture. Payments classified as APMs should include the underlying fee-for-service payments in addition to any incentives, bonuses, or savings shared with the provider.

If you are able to resolve the issue, please edit your responses. If you have questions on how to categorize dollars, please contact Andréa Caballero at the LAN.');
INSERT INTO edition_tab (id, pos, title, short, intro, help) VALUES
  ('nr', 7, 'Nominal risk', 'Risk',
   'The LAN asks what portion of the FFS-based shared-risk dollars (Category 3B) meets its nominal risk threshold: a risk minimum <= 4%, a provider risk share >= 30% and a net risk >= 3% (total cost of care) or >= 8% (percent of revenue). Attest that all of them meet it or use the worksheet below; F1 or ? shows the Nominal Risk Introduction, the worked example and the definitions.',
   'Introduction

The LAN is interested in measuring whether dollars flowing through payment methods with provider two-sided risk would meet the LAN’s “nominal risk” specifications. Please note that the LAN nominal risk specifications partly align with the "nominal risk" specifications outlined in the QPP, but are not identical. To explore the possibility of incorporating this analysis into future Measurement Efforts, the LAN engaged AHIP, BCBSA, CMMI, and approximately 15 national, regional, and public state payers in a workgroup tasked with developing a parsimonious set of metrics to measure the levels of two-sided risk in APM categories 3B, 4A, 4B, and 4C in all market segments (commercial, Medicaid, Medicare Advantage, Medicare FFS). This metric represents the output of this workgroup process.

Currently, the nominal risk standard applies only to FFS-based Shared Risk in Category 3B, even though this payment model is one of many that include two-sided risk. Population-based models in Category 4 are designed to confer full risk to the provider and therefore automatically meet any threshold of nominal risk. Procedure-based episode payments (3B) and condition-specific episode payments (4A) are classified differently in the framework, but for the purposes of classifying nominal risk, the LAN ultimately decided to classify all bundled payment contracts as automatically meeting the nominal risk threshold.

Instructions

1. All dollars in procedure-based episode payments (3B), and 4A, 4B and 4C are assumed to meet the nominal risk threshold. The plan does not need to take any further action.

2. Any fee-for-service- based shared-risk dollars (3B) must meet the following 3 criteria (for definition of terms, please refer to the Definitions tab):
   • Risk Minimum <= 4% of total cost of care target
   • Provider Risk Share >= 30% of any incurred losses
   • Net Risk >= 3% for Benchmark-based risk contracts, and >=8% for Percent of Revenue-based risk contracts

3. For any dollars in shared-risk (3B), plans are asked to provide the portion of the dollars in this subcategory that meet the nominal risk threshold (see definitions).
   • Plans have the option to:
      i. Attest to the fact that all their shared-risk spending meets or exceeds either the benchmark-based or percent of revenue-based net risk thresholds; or
      ii. Use the Worksheet tab to assist the plan in determining the total dollars in 3B that meet the nominal risk threshold.
   • Plans do not need to consider the type or recoupment mechanism in the shared-risk contract. Any recoupment method (e.g., withholding payment, reducing payment rates, requiring direct payments back to the payer or carrying the loss forward into the next payment period) is allowed in the LAN’s determination of calculating nominal risk.
   c. Plans do not need to consider any protections the provider might take to protect itself from financial loss (e.g., reinsurance or stop-loss insurance) in the plan’s calculation of nominal risk. The plan only needs to consider the dollars it pays through the contract.

If you have any questions, please email Andrea Caballero and Julianne McGarry at the LAN.

Defined terms related to calculating the nominal risk threshold can be found in the Definitions tab.');
INSERT INTO edition_tab (id, pos, title, short, intro, help) VALUES
  ('iq', 8, 'Informational questions', 'Info',
   'The following questions ask about the current and future state of payment reform from the health plan’s perspective.

For the purposes of this survey, health plan refers to any type of health insurance company, third party administrator, or health care purchaser paying for health care provisions on behalf of a population (e.g. state Medicaid agency).',
   '');

-- The lines of business: their names, short names (the tab bar's too) and
-- the nominal-risk worksheet's word for them.
INSERT INTO edition_line (id, pos, name, short, nr_name) VALUES
  ('commercial', 1, 'Commercial', 'Commercial', 'Commercial'),
  ('ma', 2, 'Medicare Advantage', 'MA', 'Medicare'),
  ('medicaid', 3, 'Medicaid', 'Medicaid', 'Medicaid');

-- Choice sets, in display order.
INSERT INTO edition_choice (set_id, pos, value, label) VALUES
  ('nr_method', 1, 'attest', 'Attest that all FFS-based shared-risk dollars meet the nominal risk threshold'),
  ('nr_method', 2, 'worksheet', 'Use the worksheet to find the dollars that meet the threshold');
INSERT INTO edition_choice (set_id, pos, value, label) VALUES
  ('trend', 1, 'increase', 'APM activity will increase'),
  ('trend', 2, 'same', 'APM activity will stay the same'),
  ('trend', 3, 'decrease', 'APM activity will decrease'),
  ('trend', 4, 'not_sure', 'Not sure');
INSERT INTO edition_choice (set_id, pos, value, label) VALUES
  ('subcat_increase', 1, '3a', 'Traditional shared savings, utilization-based shared savings (3A)'),
  ('subcat_increase', 2, '3b', 'Fee-for-service-based shared risk, procedure-based bundled/episode payments (3B)'),
  ('subcat_increase', 3, '4a', 'Condition-specific population-based payments, condition-specific bundled/episode payments (4A)'),
  ('subcat_increase', 4, '4b', 'Full or percent of premium population-based payments, population-based payments that are not condition-specific (4B)'),
  ('subcat_increase', 5, '4c', 'Integrated finance and delivery system payments(4C)');
INSERT INTO edition_choice (set_id, pos, value, label) VALUES
  ('subcat_decrease', 1, '3a', 'Traditional shared savings, utilization-based shared savings (3A)'),
  ('subcat_decrease', 2, '3b', 'Fee-for-service-based shared risk, procedure-based bundled/episode payments (3B)'),
  ('subcat_decrease', 3, '4a', 'Condition-specific population-based payments, condition-specific bundled/episode payments (4A)'),
  ('subcat_decrease', 4, '4b', 'Full or percent of premium population-based payments, population-based payments that are not condition-specific (4B)'),
  ('subcat_decrease', 5, '4c', 'Integrated finance and delivery system payments(4C)'),
  ('subcat_decrease', 6, 'not_sure', 'Not sure');
INSERT INTO edition_choice (set_id, pos, value, label) VALUES
  ('factor', 1, 'provider_interest', 'Provider interest/readiness'),
  ('factor', 2, 'plan_interest', 'Health plan interest/readiness'),
  ('factor', 3, 'purchaser_interest', 'Purchaser interest/readiness'),
  ('factor', 4, 'government', 'Government influence'),
  ('factor', 5, 'provider_operationalize', 'Provider ability to operationalize'),
  ('factor', 6, 'plan_operationalize', 'Health plan ability to operationalize'),
  ('factor', 7, 'interoperability', 'Interoperability'),
  ('factor', 8, 'provider_risk', 'Provider willingness to take on financial risk'),
  ('factor', 9, 'market', 'Market factors'),
  ('factor', 10, 'other', 'Other (please list)');
INSERT INTO edition_choice (set_id, pos, value, label) VALUES
  ('likert', 1, 'strongly_disagree', 'Strongly disagree'),
  ('likert', 2, 'disagree', 'Disagree'),
  ('likert', 3, 'agree', 'Agree'),
  ('likert', 4, 'strongly_agree', 'Strongly agree'),
  ('likert', 5, 'not_sure', 'Not sure');

-- The twelve payment models of Tab 3 (Payment Model Selection).
INSERT INTO edition_model (id, pos, label, category) VALUES
  ('cat1_legacy', 1, 'Cat 1: Legacy Payments', '1'),
  ('cat2a_foundational', 2, 'Cat 2A: Foundational spending to improve care', '2'),
  ('cat2c_p4p', 3, 'Cat 2C: FFS plus Pay for Performance', '2'),
  ('cat3a_shared_savings', 4, 'Cat 3A: Traditional Shared Savings', '3'),
  ('cat3a_utilization_savings', 5, 'Cat 3A: Utilization-based Shared Savings', '3'),
  ('cat3b_shared_risk', 6, 'Cat 3B: FFS-based Shared Risk', '3'),
  ('cat3b_procedure_bundles', 7, 'Cat 3B: Procedure-based Bundled/Episode Payments', '3'),
  ('cat4a_condition_population', 8, 'Cat 4A: Condition-specific Population-based Payments', '4'),
  ('cat4a_condition_bundles', 9, 'Cat 4A: Condition-Specific Bundled/Episode Payments', '4'),
  ('cat4b_population', 10, 'Cat 4B: Population-based Payments that are NOT condition-specific', '4'),
  ('cat4b_premium', 11, 'Cat 4B: Full or Percent of Premium Population-based Payment', '4'),
  ('cat4c_integrated', 12, 'Cat 4C: Integrated Finance and Delivery System Programs', '4');

-- The APM framework's four categories, as the models name them.
INSERT INTO edition_category (id, pos, label) VALUES
  ('1', 1, 'Cat 1'), ('2', 2, 'Cat 2'), ('3', 3, 'Cat 3'), ('4', 4, 'Cat 4');

-- Every answer, in the online survey's page order.

-- Tab gi
INSERT INTO edition_question (key, pos, tab, type, prompt, label, required) VALUES
  ('gi.contact_name', 1, 'gi', 'text',
   'Provide contact name, email and phone for the respondent.',
   'Name',
   1);
INSERT INTO edition_question (key, pos, tab, type, prompt, label, required) VALUES
  ('gi.contact_email', 2, 'gi', 'email',
   'Provide contact name, email and phone for the respondent.',
   'Email',
   1);
INSERT INTO edition_question (key, pos, tab, type, prompt, label, required) VALUES
  ('gi.contact_phone', 3, 'gi', 'phone',
   'Provide contact name, email and phone for the respondent.',
   'Phone',
   1);
INSERT INTO edition_question (key, pos, tab, type, prompt, label, required) VALUES
  ('gi.org_name', 4, 'gi', 'text',
   'Provide contact name, email and phone for the respondent.',
   'Organization Name',
   1);
INSERT INTO edition_question (key, pos, tab, type, prompt, label, help) VALUES
  ('gi.lob.commercial', 5, 'gi', 'yesno',
   'Please select the lines of business in which your organization operated in 2019. (Select all that apply)',
   'Commercial',
   'Commercial Market');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, help) VALUES
  ('gi.lob.ma', 6, 'gi', 'yesno',
   'Please select the lines of business in which your organization operated in 2019. (Select all that apply)',
   'Medicare Advantage (MA)',
   'Medicare Advantage Market');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, help) VALUES
  ('gi.lob.medicaid', 7, 'gi', 'yesno',
   'Please select the lines of business in which your organization operated in 2019. (Select all that apply)',
   'Medicaid',
   'Medicaid Market');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help) VALUES
  ('gi.members.commercial', 8, 'gi', 'whole',
   'What is the total number of members covered by the payer by line of business?',
   'Commercial',
   'gi.lob.commercial=yes',
   'Commercial members/ Medicare Advantage members/ Medicaid beneficiaries|Commercial Market');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help) VALUES
  ('gi.members.ma', 9, 'gi', 'whole',
   'What is the total number of members covered by the payer by line of business?',
   'MA',
   'gi.lob.ma=yes',
   'Commercial members/ Medicare Advantage members/ Medicaid beneficiaries|Medicare Advantage Market');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help) VALUES
  ('gi.members.medicaid', 10, 'gi', 'whole',
   'What is the total number of members covered by the payer by line of business?',
   'Medicaid',
   'gi.lob.medicaid=yes',
   'Commercial members/ Medicare Advantage members/ Medicaid beneficiaries|Medicaid Market');
INSERT INTO edition_question (key, pos, tab, type, prompt, label) VALUES
  ('gi.assumptions', 11, 'gi', 'longtext',
   'Please list other assumptions, qualifications, considerations, or limitations related to the data submission.',
   'Assumptions and limitations');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if) VALUES
  ('gi.hours.commercial', 12, 'gi', 'hours',
   'How many hours did it take your organization to complete this survey by line of business? Please report your response in hours.',
   'Commercial',
   'gi.lob.commercial=yes');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if) VALUES
  ('gi.hours.ma', 13, 'gi', 'hours',
   'How many hours did it take your organization to complete this survey by line of business? Please report your response in hours.',
   'MA',
   'gi.lob.ma=yes');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if) VALUES
  ('gi.hours.medicaid', 14, 'gi', 'hours',
   'How many hours did it take your organization to complete this survey by line of business? Please report your response in hours.',
   'Medicaid',
   'gi.lob.medicaid=yes');

-- Tab pm
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.commercial.cat1_legacy', 15, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 1: Legacy Payments',
   'gi.lob.commercial=yes',
   'Legacy payments|Fee-for-service|Diagnosis-related groups (DRGs)|Category 1',
   'cat1_legacy');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.ma.cat1_legacy', 16, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 1: Legacy Payments',
   'gi.lob.ma=yes',
   'Legacy payments|Fee-for-service|Diagnosis-related groups (DRGs)|Category 1',
   'cat1_legacy');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.medicaid.cat1_legacy', 17, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 1: Legacy Payments',
   'gi.lob.medicaid=yes',
   'Legacy payments|Fee-for-service|Diagnosis-related groups (DRGs)|Category 1',
   'cat1_legacy');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.commercial.cat2a_foundational', 18, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 2A: Foundational spending to improve care',
   'gi.lob.commercial=yes',
   'Foundational spending|Linked to quality|Category 2',
   'cat2a_foundational');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.ma.cat2a_foundational', 19, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 2A: Foundational spending to improve care',
   'gi.lob.ma=yes',
   'Foundational spending|Linked to quality|Category 2',
   'cat2a_foundational');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.medicaid.cat2a_foundational', 20, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 2A: Foundational spending to improve care',
   'gi.lob.medicaid=yes',
   'Foundational spending|Linked to quality|Category 2',
   'cat2a_foundational');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.commercial.cat2c_p4p', 21, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 2C: FFS plus Pay for Performance',
   'gi.lob.commercial=yes',
   'Pay-for-performance|Fee-for-service|Linked to quality|Category 2',
   'cat2c_p4p');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.ma.cat2c_p4p', 22, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 2C: FFS plus Pay for Performance',
   'gi.lob.ma=yes',
   'Pay-for-performance|Fee-for-service|Linked to quality|Category 2',
   'cat2c_p4p');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.medicaid.cat2c_p4p', 23, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 2C: FFS plus Pay for Performance',
   'gi.lob.medicaid=yes',
   'Pay-for-performance|Fee-for-service|Linked to quality|Category 2',
   'cat2c_p4p');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.commercial.cat3a_shared_savings', 24, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 3A: Traditional Shared Savings',
   'gi.lob.commercial=yes',
   'Traditional shared savings|Linked to quality|Category 3',
   'cat3a_shared_savings');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.ma.cat3a_shared_savings', 25, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 3A: Traditional Shared Savings',
   'gi.lob.ma=yes',
   'Traditional shared savings|Linked to quality|Category 3',
   'cat3a_shared_savings');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.medicaid.cat3a_shared_savings', 26, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 3A: Traditional Shared Savings',
   'gi.lob.medicaid=yes',
   'Traditional shared savings|Linked to quality|Category 3',
   'cat3a_shared_savings');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.commercial.cat3a_utilization_savings', 27, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 3A: Utilization-based Shared Savings',
   'gi.lob.commercial=yes',
   'Utilization-based shared savings|Linked to quality|Category 3',
   'cat3a_utilization_savings');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.ma.cat3a_utilization_savings', 28, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 3A: Utilization-based Shared Savings',
   'gi.lob.ma=yes',
   'Utilization-based shared savings|Linked to quality|Category 3',
   'cat3a_utilization_savings');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.medicaid.cat3a_utilization_savings', 29, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 3A: Utilization-based Shared Savings',
   'gi.lob.medicaid=yes',
   'Utilization-based shared savings|Linked to quality|Category 3',
   'cat3a_utilization_savings');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.commercial.cat3b_shared_risk', 30, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 3B: FFS-based Shared Risk',
   'gi.lob.commercial=yes',
   'Fee-For Service Based Shared risk|Linked to quality|LAN Nominal Risk Threshold|Category 3',
   'cat3b_shared_risk');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.ma.cat3b_shared_risk', 31, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 3B: FFS-based Shared Risk',
   'gi.lob.ma=yes',
   'Fee-For Service Based Shared risk|Linked to quality|LAN Nominal Risk Threshold|Category 3',
   'cat3b_shared_risk');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.medicaid.cat3b_shared_risk', 32, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 3B: FFS-based Shared Risk',
   'gi.lob.medicaid=yes',
   'Fee-For Service Based Shared risk|Linked to quality|LAN Nominal Risk Threshold|Category 3',
   'cat3b_shared_risk');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.commercial.cat3b_procedure_bundles', 33, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 3B: Procedure-based Bundled/Episode Payments',
   'gi.lob.commercial=yes',
   'Procedure-based bundled/episode payment|Linked to quality|Category 3',
   'cat3b_procedure_bundles');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.ma.cat3b_procedure_bundles', 34, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 3B: Procedure-based Bundled/Episode Payments',
   'gi.lob.ma=yes',
   'Procedure-based bundled/episode payment|Linked to quality|Category 3',
   'cat3b_procedure_bundles');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.medicaid.cat3b_procedure_bundles', 35, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 3B: Procedure-based Bundled/Episode Payments',
   'gi.lob.medicaid=yes',
   'Procedure-based bundled/episode payment|Linked to quality|Category 3',
   'cat3b_procedure_bundles');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.commercial.cat4a_condition_population', 36, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4A: Condition-specific Population-based Payments',
   'gi.lob.commercial=yes',
   'Conditions-specific population-based payment|Linked to quality|Category 4',
   'cat4a_condition_population');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.ma.cat4a_condition_population', 37, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4A: Condition-specific Population-based Payments',
   'gi.lob.ma=yes',
   'Conditions-specific population-based payment|Linked to quality|Category 4',
   'cat4a_condition_population');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.medicaid.cat4a_condition_population', 38, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4A: Condition-specific Population-based Payments',
   'gi.lob.medicaid=yes',
   'Conditions-specific population-based payment|Linked to quality|Category 4',
   'cat4a_condition_population');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.commercial.cat4a_condition_bundles', 39, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4A: Condition-Specific Bundled/Episode Payments',
   'gi.lob.commercial=yes',
   'Condition-specific bundled/episode payments|Linked to quality|Category 4',
   'cat4a_condition_bundles');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.ma.cat4a_condition_bundles', 40, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4A: Condition-Specific Bundled/Episode Payments',
   'gi.lob.ma=yes',
   'Condition-specific bundled/episode payments|Linked to quality|Category 4',
   'cat4a_condition_bundles');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.medicaid.cat4a_condition_bundles', 41, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4A: Condition-Specific Bundled/Episode Payments',
   'gi.lob.medicaid=yes',
   'Condition-specific bundled/episode payments|Linked to quality|Category 4',
   'cat4a_condition_bundles');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.commercial.cat4b_population', 42, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4B: Population-based Payments that are NOT condition-specific',
   'gi.lob.commercial=yes',
   'Population-based payments that are NOT condition-specific|Linked to quality|Category 4',
   'cat4b_population');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.ma.cat4b_population', 43, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4B: Population-based Payments that are NOT condition-specific',
   'gi.lob.ma=yes',
   'Population-based payments that are NOT condition-specific|Linked to quality|Category 4',
   'cat4b_population');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.medicaid.cat4b_population', 44, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4B: Population-based Payments that are NOT condition-specific',
   'gi.lob.medicaid=yes',
   'Population-based payments that are NOT condition-specific|Linked to quality|Category 4',
   'cat4b_population');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.commercial.cat4b_premium', 45, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4B: Full or Percent of Premium Population-based Payment',
   'gi.lob.commercial=yes',
   'Full or percent of premium population-based payments|Linked to quality|Category 4',
   'cat4b_premium');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.ma.cat4b_premium', 46, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4B: Full or Percent of Premium Population-based Payment',
   'gi.lob.ma=yes',
   'Full or percent of premium population-based payments|Linked to quality|Category 4',
   'cat4b_premium');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.medicaid.cat4b_premium', 47, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4B: Full or Percent of Premium Population-based Payment',
   'gi.lob.medicaid=yes',
   'Full or percent of premium population-based payments|Linked to quality|Category 4',
   'cat4b_premium');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.commercial.cat4c_integrated', 48, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4C: Integrated Finance and Delivery System Programs',
   'gi.lob.commercial=yes',
   'Integrated finance and delivery system payments|Linked to quality|Category 4',
   'cat4c_integrated');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.ma.cat4c_integrated', 49, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4C: Integrated Finance and Delivery System Programs',
   'gi.lob.ma=yes',
   'Integrated finance and delivery system payments|Linked to quality|Category 4',
   'cat4c_integrated');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if, help, model) VALUES
  ('pm.medicaid.cat4c_integrated', 50, 'pm', 'yesno',
   'What payment models were in effect in CY 2019? Please specify the line of business.',
   'Cat 4C: Integrated Finance and Delivery System Programs',
   'gi.lob.medicaid=yes',
   'Integrated finance and delivery system payments|Linked to quality|Category 4',
   'cat4c_integrated');

-- Tab commercial
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, short_label) VALUES
  ('commercial.m1', 51, 'commercial', 'money',
   'Total dollars paid to providers (in and out of network) for commercial members in CY 2019 or most recent 12 months.',
   '1',
   'denominator',
   'Denominator to inform the metrics below',
   'gi.lob.commercial=yes',
   'Total dollars (Plan-Level)|Provider|Commercial Market|Commercial members/ Medicare Advantage members/ Medicaid beneficiaries|CY 2019 or most recent 12 months',
   '(in and out of network) for commercial members');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, share_label, show_if, help, model, short_label, section_short, total_of) VALUES
  ('commercial.m2', 52, 'commercial', 'money',
   'Total dollars paid to providers through legacy payments (including fee-for-service, diagnosis-related groups, or capitation without quality components) in CY 2019 or most recent 12 months.',
   '2',
   'Alternative Payment Model Framework - Category 1 (Metrics below apply to total dollars paid for commercial members. Metrics are NOT linked to quality)',
   'numerator',
   'Dollars under legacy payments (including Fee-for-Service, Diagnosis-Related Groups, or capitation without quality components): Percent of total dollars paid through legacy payments in CY 2019 or most recent 12 months.',
   'pm.commercial.cat1_legacy=yes',
   'Legacy payments|Fee-for-service|Diagnosis-related groups (DRGs)',
   'cat1_legacy',
   'legacy payments (including fee-for-service, diagnosis-related groups, or capitation without quality components)',
   'Category 1|not linked to quality',
   '1');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, share_label, show_if, help, model, short_label, section_short) VALUES
  ('commercial.m3', 53, 'commercial', 'money',
   'Dollars paid for foundational spending to improve care (linked to quality) in CY 2019 or most recent 12 months.',
   '3',
   'Alternative Payment Model Framework - Category 2 (Metrics below apply to total dollars paid for commercial members. Metrics are linked to quality).',
   'numerator',
   'Foundational spending to improve care: Percent of dollars paid for foundational spending to improve care in CY 2019 or most recent 12 months.',
   'pm.commercial.cat2a_foundational=yes',
   'Foundational spending|Linked to quality',
   'cat2a_foundational',
   'foundational spending to improve care (linked to quality)',
   'Category 2|linked to quality');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('commercial.m4', 54, 'commercial', 'money',
   'Total dollars paid to providers through fee-for-Service plus pay-for-performance payments (linked to quality) in CY 2019 or most recent 12 months.',
   '4',
   'numerator',
   'Dollars in P4P programs: Percent of total dollars paid through FFS plus P4P (linked to quality) payments in CY 2019 or most recent 12 months.
* CPR historic metric - trend.',
   'pm.commercial.cat2c_p4p=yes',
   'Pay-for-performance|Fee-for-service|Linked to quality',
   'cat2c_p4p',
   'fee-for-Service plus pay-for-performance payments (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label, total_of) VALUES
  ('commercial.m5', 55, 'commercial', 'computed',
   'Total dollars paid in Category 2 in CY 2019 or most recent 12 months.',
   '5',
   'subtotal',
   'commercial.m3 + commercial.m4',
   'Payment Reform - APMs built on FFS linked to quality: Percent of total dollars paid in Category 2.',
   'gi.lob.commercial=yes',
   'Category 2',
   'Category 2',
   '2');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, share_label, show_if, help, model, short_label, section_short) VALUES
  ('commercial.m6', 56, 'commercial', 'money',
   'Total dollars paid to providers through traditional shared-savings (linked to quality) payments in CY 2019 or most recent 12 months.',
   '6',
   'Alternative Payment Model Framework - Category 3 (Metrics below apply to total dollars paid for commercial members. Metrics are linked to quality)',
   'numerator',
   'Dollars in traditional shared-savings (linked to quality) programs: Percent of total dollars paid through traditional shared-savings payments in CY 2019 or most recent 12 months.',
   'pm.commercial.cat3a_shared_savings=yes',
   'Traditional shared savings|Linked to quality',
   'cat3a_shared_savings',
   'traditional shared-savings (linked to quality) payments',
   'Category 3|linked to quality');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('commercial.m7', 57, 'commercial', 'money',
   'Total dollars paid to providers through utilization-based shared-savings (linked to quality) payments in CY 2019 or most recent 12 months.',
   '7',
   'numerator',
   'Dollars in utilization-based shared-savings (linked to quality) programs: Percent of total dollars paid through utilization-based shared-savings payments in CY 2019 or most recent 12 months.',
   'pm.commercial.cat3a_utilization_savings=yes',
   'Utilization-based shared savings|Linked to quality',
   'cat3a_utilization_savings',
   'utilization-based shared-savings (linked to quality) payments');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('commercial.m8', 58, 'commercial', 'money',
   'Total dollars paid to providers through fee-for-service-based shared-risk (linked to quality) payments in CY 2019 or most recent 12 months.',
   '8',
   'numerator',
   'Dollars in FFS-based shared-risk programs: Percent of total dollars paid through FFS-based shared-risk (linked to quality) payments in CY 2019 or most recent 12 months.',
   'pm.commercial.cat3b_shared_risk=yes',
   'Fee-For Service Based Shared risk|Linked to quality|LAN Nominal Risk Threshold',
   'cat3b_shared_risk',
   'fee-for-service-based shared-risk (linked to quality) payments');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('commercial.m9', 59, 'commercial', 'money',
   'Total dollars paid to providers through procedure-based bundled/episode payments (linked to quality) programs in CY 2019 or most recent 12 months.',
   '9',
   'numerator',
   'Dollars in procedure-based bundled/episode payments (linked to quality) programs: Percent of total dollars paid through procedure-based bundled/episode payments in CY 2019 or most recent 12 months.',
   'pm.commercial.cat3b_procedure_bundles=yes',
   'Procedure-based bundled/episode payment|Linked to quality',
   'cat3b_procedure_bundles',
   'procedure-based bundled/episode payments (linked to quality) programs');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label, total_of) VALUES
  ('commercial.m10', 60, 'commercial', 'computed',
   'Total dollars paid in Category 3 in CY 2019 or most recent 12 months.',
   '10',
   'subtotal',
   'commercial.m6 + commercial.m7 + commercial.m8 + commercial.m9',
   'Payment Reform - APMs built on FFS architecture: Percent of total dollars paid in Category 3.',
   'gi.lob.commercial=yes',
   'Category 3',
   'Category 3',
   '3');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, share_label, show_if, help, model, short_label, section_short) VALUES
  ('commercial.m11', 61, 'commercial', 'money',
   'Total dollars paid to providers through condition-specific, population-based payments (linked to quality) in CY 2019 or most recent 12 months.',
   '11',
   'Alternative Payment Model Framework - Category 4 (Metrics below apply to total dollars paid for commercial members. Metrics are linked to quality)',
   'numerator',
   'Dollars in condition-specific, population-based payments (linked to quality): Percent of total dollars paid through condition-specific population-based payments linked to quality in CY 2019 or most recent 12 months.',
   'pm.commercial.cat4a_condition_population=yes',
   'Conditions-specific population-based payment|Linked to quality',
   'cat4a_condition_population',
   'condition-specific, population-based payments (linked to quality)',
   'Category 4|linked to quality');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('commercial.m12', 62, 'commercial', 'money',
   'Total dollars paid to providers through population-based payments that are NOT condition-specific (linked to quality) in CY 2019 or most recent 12 months.',
   '12',
   'numerator',
   'Population-based payments to providers that are not condition-specific and linked to quality: Percent of total dollars paid through population-based (linked to quality) payments that are not condition-specific in CY 2019 or most recent 12 months.',
   'pm.commercial.cat4b_population=yes',
   'Population-based payments that are NOT condition-specific|Linked to quality',
   'cat4b_population',
   'population-based payments that are NOT condition-specific (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('commercial.m13', 63, 'commercial', 'money',
   'Total dollars paid to providers through condition-specific, bundled/episode payments (linked to quality) in CY 2019 or most recent 12 months.',
   '13',
   'numerator',
   'Dollars in condition-specific bundled/episode payment programs (linked to quality): Percent of total dollars paid through condition-specific bundled/episode-based payments linked to quality in CY 2019 or most recent 12 months.',
   'pm.commercial.cat4a_condition_bundles=yes',
   'Condition-specific bundled/episode payments|Linked to quality',
   'cat4a_condition_bundles',
   'condition-specific, bundled/episode payments (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('commercial.m14', 64, 'commercial', 'money',
   'Total dollars paid to providers through full or percent of premium population-based payments (linked to quality) in CY 2019 or most recent 12 months.',
   '14',
   'numerator',
   'Dollars in full or percent of premium population-based payment programs (linked to quality): Percent of total dollars paid through full or percent of premium population-based payments in CY 2019 or most recent 12 months.',
   'pm.commercial.cat4b_premium=yes',
   'Full or percent of premium population-based payments|Linked to quality',
   'cat4b_premium',
   'full or percent of premium population-based payments (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('commercial.m15', 65, 'commercial', 'money',
   'Total dollars paid to providers through integrated finance and delivery system programs (linked to quality) in CY 2019 or most recent 12 months.',
   '15',
   'numerator',
   'Dollars through integrated finance and delivery programs (linked to quality): Percent of total dollars paid through integrated finance and delivery programs in CY 2019 or most recent 12 months.',
   'pm.commercial.cat4c_integrated=yes',
   'Integrated finance and delivery system payments|Linked to quality',
   'cat4c_integrated',
   'integrated finance and delivery system programs (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label, total_of) VALUES
  ('commercial.m16', 66, 'commercial', 'computed',
   'Total dollars paid in Category 4 in CY 2019 or most recent 12 months.',
   '16',
   'subtotal',
   'commercial.m11 + commercial.m12 + commercial.m13 + commercial.m14 + commercial.m15',
   'Payment Reform - Population-based APMs: Percent of total dollars paid in Category 4.',
   'gi.lob.commercial=yes',
   'Category 4',
   'Category 4',
   '4');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, formula, share_label, show_if, help, short_label, section_short) VALUES
  ('commercial.m17', 67, 'commercial', 'computed',
   'Total dollars paid to providers through legacy payments in CY 2019 or most recent 12 months.',
   '17',
   'Aggregated Metrics (Comparison between Category 1 and Categories 2-4)',
   'subtotal',
   'commercial.m2',
   'Legacy payments not linked to quality: Percent of total dollars paid based through legacy payments (including FFS without a quality component and DRGs).',
   'gi.lob.commercial=yes',
   'Legacy payments|Category 1',
   'legacy payments',
   'Aggregated Metrics');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label) VALUES
  ('commercial.m18', 68, 'commercial', 'computed',
   'Total dollars paid to providers through payment reforms in Categories 2-4 in CY 2019 or most recent 12 months.',
   '18',
   'subtotal',
   'commercial.m5 + commercial.m10 + commercial.m16',
   'Payment Reform Penetration - Dollars in Categories 2-4: Percent of total dollars paid through payment reforms in Categories 2-4 in CY 2019 or most recent 12 months.',
   'gi.lob.commercial=yes',
   'Alternative Payment Model (APM)|Category 2|Category 3|Category 4',
   'payment reforms in Categories 2-4');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label) VALUES
  ('commercial.m19', 69, 'commercial', 'computed',
   'Total dollars paid to providers through payment reforms in Categories 3 and 4 in CY 2019 or most recent 12 months.',
   '19',
   'subtotal',
   'commercial.m10 + commercial.m16',
   'Payment Reform Penetration - Dollars in Categories 3 and 4: Percent of total dollars paid through payment reforms in Categories 3 and 4 in CY 2019 or most recent 12 months.',
   'gi.lob.commercial=yes',
   'Alternative Payment Model (APM)|Category 3|Category 4',
   'payment reforms in Categories 3 and 4');

-- Tab ma
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, short_label) VALUES
  ('ma.m1', 70, 'ma', 'money',
   'Total dollars paid to providers (in and out of network) for Medicare Advantage members in CY 2019 or most recent 12 months.',
   '1',
   'denominator',
   'Denominator to inform the metrics below',
   'gi.lob.ma=yes',
   'Total dollars (Plan-Level)|Provider|Medicare Advantage Market|Commercial members/ Medicare Advantage members/ Medicaid beneficiaries|CY 2019 or most recent 12 months',
   '(in and out of network) for Medicare Advantage members');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, share_label, show_if, help, model, short_label, section_short, total_of) VALUES
  ('ma.m2', 71, 'ma', 'money',
   'Total dollars paid to providers through legacy payments (including fee-for-service, diagnosis-related groups, or capitation without quality components) in CY 2019 or most recent 12 months.',
   '2',
   'Alternative Payment Model Framework - Category 1 (Metrics below apply to total dollars paid for MA members. Metrics are NOT linked to quality)',
   'numerator',
   'Dollars under legacy payments (including Fee-for-Service, Diagnosis-Related Groups, or capitation without quality components): Percent of total dollars paid through legacy payments in CY 2019 or most recent 12 months.',
   'pm.ma.cat1_legacy=yes',
   'Legacy payments|Fee-for-service|Diagnosis-related groups (DRGs)',
   'cat1_legacy',
   'legacy payments (including fee-for-service, diagnosis-related groups, or capitation without quality components)',
   'Category 1|not linked to quality',
   '1');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, share_label, show_if, help, model, short_label, section_short) VALUES
  ('ma.m3', 72, 'ma', 'money',
   'Dollars paid for foundational spending to improve care (linked to quality) in CY 2019 or most recent 12 months.',
   '3',
   'Alternative Payment Model Framework - Category 2 (Metrics below apply to total dollars paid for MA members. Metrics are linked to quality).',
   'numerator',
   'Foundational spending to improve care: Percent of dollars paid for foundational spending to improve care in CY 2019 or most recent 12 months.',
   'pm.ma.cat2a_foundational=yes',
   'Foundational spending|Linked to quality',
   'cat2a_foundational',
   'foundational spending to improve care (linked to quality)',
   'Category 2|linked to quality');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('ma.m4', 73, 'ma', 'money',
   'Total dollars paid to providers through fee-for-Service plus pay-for-performance payments (linked to quality) in CY 2019 or most recent 12 months.',
   '4',
   'numerator',
   'Dollars in P4P programs: Percent of total dollars paid through FFS plus P4P (linked to quality) payments in CY 2019 or most recent 12 months.
* CPR historic metric - trend.',
   'pm.ma.cat2c_p4p=yes',
   'Pay-for-performance|Fee-for-service|Linked to quality',
   'cat2c_p4p',
   'fee-for-Service plus pay-for-performance payments (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label, total_of) VALUES
  ('ma.m5', 74, 'ma', 'computed',
   'Total dollars paid in Category 2 in CY 2019 or most recent 12 months.',
   '5',
   'subtotal',
   'ma.m3 + ma.m4',
   'Payment Reform - APMs built on FFS linked to quality: Percent of total dollars paid in Category 2.',
   'gi.lob.ma=yes',
   'Category 2',
   'Category 2',
   '2');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, share_label, show_if, help, model, short_label, section_short) VALUES
  ('ma.m6', 75, 'ma', 'money',
   'Total dollars paid to providers through traditional shared-savings (linked to quality) payments in CY 2019 or most recent 12 months.',
   '6',
   'Alternative Payment Model Framework - Category 3 (Metrics below apply to total dollars paid for MA members. Metrics are linked to quality)',
   'numerator',
   'Dollars in traditional shared-savings (linked to quality) programs: Percent of total dollars paid through traditional shared-savings payments in CY 2019 or most recent 12 months.',
   'pm.ma.cat3a_shared_savings=yes',
   'Traditional shared savings|Linked to quality',
   'cat3a_shared_savings',
   'traditional shared-savings (linked to quality) payments',
   'Category 3|linked to quality');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('ma.m7', 76, 'ma', 'money',
   'Total dollars paid to providers through utilization-based shared-savings (linked to quality) payments in CY 2019 or most recent 12 months.',
   '7',
   'numerator',
   'Dollars in utilization-based shared-savings (linked to quality) programs: Percent of total dollars paid through utilization-based shared-savings payments in CY 2019 or most recent 12 months.',
   'pm.ma.cat3a_utilization_savings=yes',
   'Utilization-based shared savings|Linked to quality',
   'cat3a_utilization_savings',
   'utilization-based shared-savings (linked to quality) payments');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('ma.m8', 77, 'ma', 'money',
   'Total dollars paid to providers through fee-for-service-based shared-risk (linked to quality) payments in CY 2019 or most recent 12 months.',
   '8',
   'numerator',
   'Dollars in FFS-based shared-risk programs: Percent of total dollars paid through FFS-based shared-risk (linked to quality) payments in CY 2019 or most recent 12 months.',
   'pm.ma.cat3b_shared_risk=yes',
   'Fee-For Service Based Shared risk|Linked to quality|LAN Nominal Risk Threshold',
   'cat3b_shared_risk',
   'fee-for-service-based shared-risk (linked to quality) payments');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('ma.m9', 78, 'ma', 'money',
   'Total dollars paid to providers through procedure-based bundled/episode payments (linked to quality) programs in CY 2019 or most recent 12 months.',
   '9',
   'numerator',
   'Dollars in procedure-based bundled/episode payments (linked to quality) programs: Percent of total dollars paid through procedure-based bundled/episode payments in CY 2019 or most recent 12 months.',
   'pm.ma.cat3b_procedure_bundles=yes',
   'Procedure-based bundled/episode payment|Linked to quality',
   'cat3b_procedure_bundles',
   'procedure-based bundled/episode payments (linked to quality) programs');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label, total_of) VALUES
  ('ma.m10', 79, 'ma', 'computed',
   'Total dollars paid in Category 3 in CY 2019 or most recent 12 months.',
   '10',
   'subtotal',
   'ma.m6 + ma.m7 + ma.m8 + ma.m9',
   'Payment Reform - APMs built on FFS architecture: Percent of total dollars paid in Category 3.',
   'gi.lob.ma=yes',
   'Category 3',
   'Category 3',
   '3');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, share_label, show_if, help, model, short_label, section_short) VALUES
  ('ma.m11', 80, 'ma', 'money',
   'Total dollars paid to providers through condition-specific, population-based payments (linked to quality) in CY 2019 or most recent 12 months.',
   '11',
   'Alternative Payment Model Framework - Category 4 (Metrics below apply to total dollars paid for MA members. Metrics are linked to quality)',
   'numerator',
   'Dollars in condition-specific, population-based payments (linked to quality): Percent of total dollars paid through condition-specific population-based payments linked to quality in CY 2019 or most recent 12 months.',
   'pm.ma.cat4a_condition_population=yes',
   'Conditions-specific population-based payment|Linked to quality',
   'cat4a_condition_population',
   'condition-specific, population-based payments (linked to quality)',
   'Category 4|linked to quality');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('ma.m12', 81, 'ma', 'money',
   'Total dollars paid to providers through condition-specific, bundled/episode payments (linked to quality) in CY 2019 or most recent 12 months.',
   '12',
   'numerator',
   'Dollars in condition-specific bundled/episode payment programs (linked to quality): Percent of total dollars paid through condition-specific bundled/episode-based payments linked to quality in CY 2019 or most recent 12 months.',
   'pm.ma.cat4a_condition_bundles=yes',
   'Condition-specific bundled/episode payments|Linked to quality',
   'cat4a_condition_bundles',
   'condition-specific, bundled/episode payments (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('ma.m13', 82, 'ma', 'money',
   'Total dollars paid to providers through population-based payments that are NOT condition-specific (linked to quality) in CY 2019 or most recent 12 months.',
   '13',
   'numerator',
   'Population-based payments to providers that are not condition-specific and linked to quality: Percent of total dollars paid through population-based (linked to quality) payments that are not condition-specific in CY 2019 or most recent 12 months.',
   'pm.ma.cat4b_population=yes',
   'Population-based payments that are NOT condition-specific|Linked to quality',
   'cat4b_population',
   'population-based payments that are NOT condition-specific (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('ma.m14', 83, 'ma', 'money',
   'Total dollars paid to providers through full or percent of premium population-based payments (linked to quality) in CY 2019 or most recent 12 months.',
   '14',
   'numerator',
   'Dollars in full or percent of premium population-based payment programs (linked to quality): Percent of total dollars paid through full or percent of premium population-based payments in CY 2019 or most recent 12 months.',
   'pm.ma.cat4b_premium=yes',
   'Full or percent of premium population-based payments|Linked to quality',
   'cat4b_premium',
   'full or percent of premium population-based payments (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('ma.m15', 84, 'ma', 'money',
   'Total dollars paid to providers through integrated finance and delivery system programs (linked to quality) in CY 2019 or most recent 12 months.',
   '15',
   'numerator',
   'Dollars through integrated finance and delivery programs (linked to quality): Percent of total dollars paid through integrated finance and delivery programs in CY 2019 or most recent 12 months.',
   'pm.ma.cat4c_integrated=yes',
   'Integrated finance and delivery system payments|Linked to quality',
   'cat4c_integrated',
   'integrated finance and delivery system programs (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label, total_of) VALUES
  ('ma.m16', 85, 'ma', 'computed',
   'Total dollars paid in Category 4 in CY 2019 or most recent 12 months.',
   '16',
   'subtotal',
   'ma.m11 + ma.m12 + ma.m13 + ma.m14 + ma.m15',
   'Payment Reform - Population-based APMs: Percent of total dollars paid in Category 4.',
   'gi.lob.ma=yes',
   'Category 4',
   'Category 4',
   '4');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, formula, share_label, show_if, help, short_label, section_short) VALUES
  ('ma.m17', 86, 'ma', 'computed',
   'Total dollars paid to providers through legacy payments in CY 2019 or most recent 12 months.',
   '17',
   'Aggregated Metrics (Comparison between Category 1 and Categories 2-4)',
   'subtotal',
   'ma.m2',
   'Legacy payments not linked to quality: Percent of total dollars paid based through legacy payments (including FFS without a quality component and DRGs).',
   'gi.lob.ma=yes',
   'Legacy payments|Category 1',
   'legacy payments',
   'Aggregated Metrics');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label) VALUES
  ('ma.m18', 87, 'ma', 'computed',
   'Total dollars paid to providers through payment reforms in Categories 2-4 in CY 2019 or most recent 12 months.',
   '18',
   'subtotal',
   'ma.m5 + ma.m10 + ma.m16',
   'Payment Reform Penetration - Dollars in Categories 2-4: Percent of total dollars paid through payment reforms in Categories 2-4 in CY 2019 or most recent 12 months.',
   'gi.lob.ma=yes',
   'Alternative Payment Model (APM)|Category 2|Category 3|Category 4',
   'payment reforms in Categories 2-4');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label) VALUES
  ('ma.m19', 88, 'ma', 'computed',
   'Total dollars paid to providers through payment reforms in Categories 3 and 4 in CY 2019 or most recent 12 months.',
   '19',
   'subtotal',
   'ma.m10 + ma.m16',
   'Payment Reform Penetration - Dollars in Categories 3 and 4: Percent of total dollars paid through payment reforms in Categories 3 and 4 in CY 2019 or most recent 12 months.',
   'gi.lob.ma=yes',
   'Alternative Payment Model (APM)|Category 3|Category 4',
   'payment reforms in Categories 3 and 4');

-- Tab medicaid
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, short_label) VALUES
  ('medicaid.m1', 89, 'medicaid', 'money',
   'Total dollars paid to providers (in and out of network) for Medicaid beneficiaries in CY 2019 or most recent 12 months.',
   '1',
   'denominator',
   'Denominator to inform the metrics below',
   'gi.lob.medicaid=yes',
   'Total dollars (Plan-Level)|Provider|Medicaid Market|Commercial members/ Medicare Advantage members/ Medicaid beneficiaries|CY 2019 or most recent 12 months',
   '(in and out of network) for Medicaid beneficiaries');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, share_label, show_if, help, model, short_label, section_short, total_of) VALUES
  ('medicaid.m2', 90, 'medicaid', 'money',
   'Total dollars paid to providers through legacy payments (including fee-for-service, diagnosis-related groups, or capitation without quality components) in CY 2019 or most recent 12 months.',
   '2',
   'Alternative Payment Model Framework - Category 1 (Metrics below apply to total dollars paid for Medicaid beneficiaries. Metrics are NOT linked to quality)',
   'numerator',
   'Dollars under legacy payments (including Fee-for-Service, Diagnosis-Related Groups, or capitation without quality components): Percent of total dollars paid through legacy payments in CY 2019 or most recent 12 months.',
   'pm.medicaid.cat1_legacy=yes',
   'Legacy payments|Fee-for-service|Diagnosis-related groups (DRGs)',
   'cat1_legacy',
   'legacy payments (including fee-for-service, diagnosis-related groups, or capitation without quality components)',
   'Category 1|not linked to quality',
   '1');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, share_label, show_if, help, model, short_label, section_short) VALUES
  ('medicaid.m3', 91, 'medicaid', 'money',
   'Dollars paid for foundational spending to improve care (linked to quality) in CY 2019 or most recent 12 months.',
   '3',
   'Alternative Payment Model Framework - Category 2 (Metrics below apply to total dollars paid for Medicaid beneficiaries. Metrics are linked to quality).',
   'numerator',
   'Foundational spending to improve care: Percent of dollars paid for foundational spending to improve care in CY 2019 or most recent 12 months.',
   'pm.medicaid.cat2a_foundational=yes',
   'Foundational spending|Linked to quality',
   'cat2a_foundational',
   'foundational spending to improve care (linked to quality)',
   'Category 2|linked to quality');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('medicaid.m4', 92, 'medicaid', 'money',
   'Total dollars paid to providers through fee-for-Service plus pay-for-performance payments (linked to quality) in CY 2019 or most recent 12 months.',
   '4',
   'numerator',
   'Dollars in P4P programs: Percent of total dollars paid through FFS plus P4P (linked to quality) payments in CY 2019 or most recent 12 months.
* CPR historic metric - trend.',
   'pm.medicaid.cat2c_p4p=yes',
   'Pay-for-performance|Fee-for-service|Linked to quality',
   'cat2c_p4p',
   'fee-for-Service plus pay-for-performance payments (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label, total_of) VALUES
  ('medicaid.m5', 93, 'medicaid', 'computed',
   'Total dollars paid in Category 2 in CY 2019 or most recent 12 months.',
   '5',
   'subtotal',
   'medicaid.m3 + medicaid.m4',
   'Payment Reform - APMs built on FFS linked to quality: Percent of total dollars paid in Category 2.',
   'gi.lob.medicaid=yes',
   'Category 2',
   'Category 2',
   '2');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, share_label, show_if, help, model, short_label, section_short) VALUES
  ('medicaid.m6', 94, 'medicaid', 'money',
   'Total dollars paid to providers through traditional shared-savings (linked to quality) payments in CY 2019 or most recent 12 months.',
   '6',
   'Alternative Payment Model Framework - Category 3 (Metrics below apply to total dollars paid for Medicaid beneficiaries. Metrics are linked to quality)',
   'numerator',
   'Dollars in traditional shared-savings (linked to quality) programs: Percent of total dollars paid through traditional shared-savings payments in CY 2019 or most recent 12 months.',
   'pm.medicaid.cat3a_shared_savings=yes',
   'Traditional shared savings|Linked to quality',
   'cat3a_shared_savings',
   'traditional shared-savings (linked to quality) payments',
   'Category 3|linked to quality');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('medicaid.m7', 95, 'medicaid', 'money',
   'Total dollars paid to providers through utilization-based shared-savings (linked to quality) payments in CY 2019 or most recent 12 months.',
   '7',
   'numerator',
   'Dollars in utilization-based shared-savings (linked to quality) programs: Percent of total dollars paid through utilization-based shared-savings payments in CY 2019 or most recent 12 months.',
   'pm.medicaid.cat3a_utilization_savings=yes',
   'Utilization-based shared savings|Linked to quality',
   'cat3a_utilization_savings',
   'utilization-based shared-savings (linked to quality) payments');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('medicaid.m8', 96, 'medicaid', 'money',
   'Total dollars paid to providers through fee-for-service-based shared-risk (linked to quality) payments in CY 2019 or most recent 12 months.',
   '8',
   'numerator',
   'Dollars in FFS-based shared-risk programs: Percent of total dollars paid through FFS-based shared-risk (linked to quality) payments in CY 2019 or most recent 12 months.',
   'pm.medicaid.cat3b_shared_risk=yes',
   'Fee-For Service Based Shared risk|Linked to quality|LAN Nominal Risk Threshold',
   'cat3b_shared_risk',
   'fee-for-service-based shared-risk (linked to quality) payments');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('medicaid.m9', 97, 'medicaid', 'money',
   'Total dollars paid to providers through procedure-based bundled/episode payments (linked to quality) programs in CY 2019 or most recent 12 months.',
   '9',
   'numerator',
   'Dollars in procedure-based bundled/episode payments (linked to quality) programs: Percent of total dollars paid through procedure-based bundled/episode payments in CY 2019 or most recent 12 months.',
   'pm.medicaid.cat3b_procedure_bundles=yes',
   'Procedure-based bundled/episode payment|Linked to quality',
   'cat3b_procedure_bundles',
   'procedure-based bundled/episode payments (linked to quality) programs');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label, total_of) VALUES
  ('medicaid.m10', 98, 'medicaid', 'computed',
   'Total dollars paid in Category 3 in CY 2019 or most recent 12 months.',
   '10',
   'subtotal',
   'medicaid.m6 + medicaid.m7 + medicaid.m8 + medicaid.m9',
   'Payment Reform - APMs built on FFS architecture: Percent of total dollars paid in Category 3.',
   'gi.lob.medicaid=yes',
   'Category 3',
   'Category 3',
   '3');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, share_label, show_if, help, model, short_label, section_short) VALUES
  ('medicaid.m11', 99, 'medicaid', 'money',
   'Total dollars paid to providers through condition-specific, population-based payments (linked to quality) in CY 2019 or most recent 12 months.',
   '11',
   'Alternative Payment Model Framework - Category 4 (Metrics below apply to total dollars paid for Medicaid beneficiaries. Metrics are linked to quality)',
   'numerator',
   'Dollars in condition-specific, population-based payments (linked to quality): Percent of total dollars paid through condition-specific population-based payments linked to quality in CY 2019 or most recent 12 months.',
   'pm.medicaid.cat4a_condition_population=yes',
   'Conditions-specific population-based payment|Linked to quality',
   'cat4a_condition_population',
   'condition-specific, population-based payments (linked to quality)',
   'Category 4|linked to quality');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('medicaid.m12', 100, 'medicaid', 'money',
   'Total dollars paid to providers through condition-specific, bundled/episode payments (linked to quality) in CY 2019 or most recent 12 months.',
   '12',
   'numerator',
   'Dollars in condition-specific bundled/episode payment programs (linked to quality): Percent of total dollars paid through condition-specific bundled/episode-based payments linked to quality in CY 2019 or most recent 12 months.',
   'pm.medicaid.cat4a_condition_bundles=yes',
   'Condition-specific bundled/episode payments|Linked to quality',
   'cat4a_condition_bundles',
   'condition-specific, bundled/episode payments (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('medicaid.m13', 101, 'medicaid', 'money',
   'Total dollars paid to providers through population-based payments that are NOT condition-specific (linked to quality) in CY 2019 or most recent 12 months.',
   '13',
   'numerator',
   'Population-based payments to providers that are not condition-specific and linked to quality: Percent of total dollars paid through population-based (linked to quality) payments that are not condition-specific in CY 2019 or most recent 12 months.',
   'pm.medicaid.cat4b_population=yes',
   'Population-based payments that are NOT condition-specific|Linked to quality',
   'cat4b_population',
   'population-based payments that are NOT condition-specific (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('medicaid.m14', 102, 'medicaid', 'money',
   'Total dollars paid to providers through full or percent of premium population-based payments (linked to quality) in CY 2019 or most recent 12 months.',
   '14',
   'numerator',
   'Dollars in full or percent of premium population-based payment programs (linked to quality): Percent of total dollars paid through full or percent of premium population-based payments in CY 2019 or most recent 12 months.',
   'pm.medicaid.cat4b_premium=yes',
   'Full or percent of premium population-based payments|Linked to quality',
   'cat4b_premium',
   'full or percent of premium population-based payments (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, share_label, show_if, help, model, short_label) VALUES
  ('medicaid.m15', 103, 'medicaid', 'money',
   'Total dollars paid to providers through integrated finance and delivery system programs (linked to quality) in CY 2019 or most recent 12 months.',
   '15',
   'numerator',
   'Dollars through integrated finance and delivery programs (linked to quality): Percent of total dollars paid through integrated finance and delivery programs in CY 2019 or most recent 12 months.',
   'pm.medicaid.cat4c_integrated=yes',
   'Integrated finance and delivery system payments|Linked to quality',
   'cat4c_integrated',
   'integrated finance and delivery system programs (linked to quality)');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label, total_of) VALUES
  ('medicaid.m16', 104, 'medicaid', 'computed',
   'Total dollars paid in Category 4 in CY 2019 or most recent 12 months.',
   '16',
   'subtotal',
   'medicaid.m11 + medicaid.m12 + medicaid.m13 + medicaid.m14 + medicaid.m15',
   'Payment Reform - Population-based APMs: Percent of total dollars paid in Category 4.',
   'gi.lob.medicaid=yes',
   'Category 4',
   'Category 4',
   '4');
INSERT INTO edition_question (key, pos, tab, type, label, row, section, role, formula, share_label, show_if, help, short_label, section_short) VALUES
  ('medicaid.m17', 105, 'medicaid', 'computed',
   'Total dollars paid to providers through legacy payments in CY 2019 or most recent 12 months.',
   '17',
   'Aggregated Metrics (Comparison between Category 1 and Categories 2-4)',
   'subtotal',
   'medicaid.m2',
   'Legacy payments not linked to quality: Percent of total dollars paid based through legacy payments (including FFS without a quality component and DRGs).',
   'gi.lob.medicaid=yes',
   'Legacy payments|Category 1',
   'legacy payments',
   'Aggregated Metrics');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label) VALUES
  ('medicaid.m18', 106, 'medicaid', 'computed',
   'Total dollars paid to providers through payment reforms in Categories 2-4 in CY 2019 or most recent 12 months.',
   '18',
   'subtotal',
   'medicaid.m5 + medicaid.m10 + medicaid.m16',
   'Payment Reform Penetration - Dollars in Categories 2-4: Percent of total dollars paid through payment reforms in Categories 2-4 in CY 2019 or most recent 12 months.',
   'gi.lob.medicaid=yes',
   'Alternative Payment Model (APM)|Category 2|Category 3|Category 4',
   'payment reforms in Categories 2-4');
INSERT INTO edition_question (key, pos, tab, type, label, row, role, formula, share_label, show_if, help, short_label) VALUES
  ('medicaid.m19', 107, 'medicaid', 'computed',
   'Total dollars paid to providers through payment reforms in Categories 3 and 4 in CY 2019 or most recent 12 months.',
   '19',
   'subtotal',
   'medicaid.m10 + medicaid.m16',
   'Payment Reform Penetration - Dollars in Categories 3 and 4: Percent of total dollars paid through payment reforms in Categories 3 and 4 in CY 2019 or most recent 12 months.',
   'gi.lob.medicaid=yes',
   'Alternative Payment Model (APM)|Category 3|Category 4',
   'payment reforms in Categories 3 and 4');

-- Tab nr
INSERT INTO edition_question (key, pos, tab, type, prompt, label, choices, required, show_if, help) VALUES
  ('nr.method', 108, 'nr', 'choice',
   'For any dollars in shared-risk (3B), plans are asked to provide the portion of the dollars in this subcategory that meet the nominal risk threshold (see definitions). Plans have the option to:',
   'Nominal risk method',
   'nr_method',
   1,
   '1 of pm.commercial.cat3b_shared_risk,pm.ma.cat3b_shared_risk,pm.medicaid.cat3b_shared_risk=yes',
   'LAN Nominal Risk Threshold|Fee-For Service Based Shared risk|Risk Minimum aka Minimum Loss Rate, or Risk Corridor|Shared Risk (Provider) aka Marginal Risk|Net Risk aka Total Risk|Contract Type - Total Cost of Care (TCOC) aka Benchmark-based|Contract Type - Percent Revenue|Total Dollars (Contract Level)|Recoupment|Reinsurance|Stop Loss Insurance');

-- Tab iq
INSERT INTO edition_question (key, pos, tab, type, prompt, label, choices, help) VALUES
  ('iq.trend', 109, 'iq', 'choice',
   'From health plan’s perspective, what do you think will be the trend in APMs over the next 24 months?.',
   'Trend in APMs over the next 24 months',
   'trend',
   'Alternative Payment Model (APM)');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, choices, show_if, help) VALUES
  ('iq.increase_most', 110, 'iq', 'choice',
   'Which APM subcategory do you think will increase the most in activity over the next 24 months?',
   'Subcategory that will increase the most',
   'subcat_increase',
   'iq.trend=increase',
   'Traditional shared savings|Utilization-based shared savings|Fee-For Service Based Shared risk|Procedure-based bundled/episode payment|Conditions-specific population-based payment|Condition-specific bundled/episode payments|Full or percent of premium population-based payments|Population-based payments that are NOT condition-specific|Integrated finance and delivery system payments');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, choices, show_if, help) VALUES
  ('iq.decrease_most', 111, 'iq', 'choice',
   'Which APM subcategory do you think will decrease the most in activity over the next 24 months?',
   'Subcategory that will decrease the most',
   'subcat_decrease',
   'iq.trend=decrease',
   'Traditional shared savings|Utilization-based shared savings|Fee-For Service Based Shared risk|Procedure-based bundled/episode payment|Conditions-specific population-based payment|Condition-specific bundled/episode payments|Full or percent of premium population-based payments|Population-based payments that are NOT condition-specific|Integrated finance and delivery system payments');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, choices, max_choices) VALUES
  ('iq.barriers', 112, 'iq', 'multi',
   'From health plan’s perspective, what are the top barriers to APM adoption? (Select up to 3)',
   'Top barriers (up to 3)',
   'factor',
   3);
INSERT INTO edition_question (key, pos, tab, type, prompt, label, required, show_if) VALUES
  ('iq.barriers_other', 113, 'iq', 'text',
   'From health plan’s perspective, what are the top barriers to APM adoption? (Select up to 3)',
   'Other (please list)',
   1,
   'iq.barriers=other');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, choices, max_choices) VALUES
  ('iq.facilitators', 114, 'iq', 'multi',
   'From health plan’s perspective, what are the top facilitators to APM adoption? (Select up to 3)',
   'Top facilitators (up to 3)',
   'factor',
   3);
INSERT INTO edition_question (key, pos, tab, type, prompt, label, required, show_if) VALUES
  ('iq.facilitators_other', 115, 'iq', 'text',
   'From health plan’s perspective, what are the top facilitators to APM adoption? (Select up to 3)',
   'Other (please list)',
   1,
   'iq.facilitators=other');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, choices, instruction) VALUES
  ('iq.outcome.quality', 116, 'iq', 'choice',
   'From health plan''s perspective, please indicate to what extent you agree, disagree that APM adoption will result in each of the following outcomes:',
   'Better quality care',
   'likert',
   'Please respond to each statement listed.');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, choices) VALUES
  ('iq.outcome.affordable', 117, 'iq', 'choice',
   'From health plan''s perspective, please indicate to what extent you agree, disagree that APM adoption will result in each of the following outcomes:',
   'More affordable care',
   'likert');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, choices) VALUES
  ('iq.outcome.coordination', 118, 'iq', 'choice',
   'From health plan''s perspective, please indicate to what extent you agree, disagree that APM adoption will result in each of the following outcomes:',
   'Improved care coordination',
   'likert');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, choices) VALUES
  ('iq.outcome.consolidation', 119, 'iq', 'choice',
   'From health plan''s perspective, please indicate to what extent you agree, disagree that APM adoption will result in each of the following outcomes:',
   'More consolidation among health care providers',
   'likert');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, choices) VALUES
  ('iq.outcome.prices', 120, 'iq', 'choice',
   'From health plan''s perspective, please indicate to what extent you agree, disagree that APM adoption will result in each of the following outcomes:',
   'Higher unit prices for discrete services',
   'likert');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if) VALUES
  ('iq.vary_by_lob', 121, 'iq', 'yesno',
   'Given that your organization operated in more than one line of business in 2019, do the answers provided to the informational questions vary according to line of business?',
   'Answers vary by line of business',
   '2 of gi.lob.commercial,gi.lob.ma,gi.lob.medicaid=yes');
INSERT INTO edition_question (key, pos, tab, type, prompt, label, show_if) VALUES
  ('iq.vary_by_lob_how', 122, 'iq', 'longtext',
   'Given that your organization operated in more than one line of business in 2019, do the answers provided to the informational questions vary according to line of business?',
   'Please describe how the answers to the questions above vary by line of business.',
   'iq.vary_by_lob=yes');

-- The national measures: rows 1, 2, 5, 10 and 16-19 of each line, the
-- downside-risk APMs the LAN's goals count (rows 8 + 9 + 16) and the
-- nominal-risk summary.
INSERT INTO edition_measure (id, pos, label, rows) VALUES
  ('total', 1, 'Total dollars paid (row 1)', 'm1'),
  ('cat1', 2, 'Category 1: legacy (row 2)', 'm2'),
  ('cat2', 3, 'Category 2 (row 5)', 'm5'),
  ('cat3', 4, 'Category 3 (row 10)', 'm10'),
  ('cat4', 5, 'Category 4 (row 16)', 'm16'),
  ('cat2_4', 6, 'Categories 2-4 (row 18)', 'm18'),
  ('cat3_4', 7, 'Categories 3-4 (row 19)', 'm19'),
  ('cat3b_4', 8, 'Categories 3B-4 (rows 8+9+16)', 'm8 + m9 + m16'),
  ('nr_meets', 9, 'Nominal risk: meets', NULL),
  ('nr_fails', 10, 'Nominal risk: does not meet', NULL);

-- The Definitions tab (Tab 12), in its order.
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Alternative Payment Model (APM)', 1,
   'Health care payment methods that use financial incentives to promote or leverage greater value - including higher quality care at lower costs - for patients, purchasers, payers and providers. This definition is specific to this exercise. If you are interested in MACRA''s definition, please reference MACRA for more details.

Refreshed APM Framework White Paper
MACRA Website');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Appropriate care measures', 2,
   'Appropriate care measures are metrics that are based on evidence based guidelines and comparative effective research. Such measures assess how well providers avoid unnecessarily costly, harmful, and unnecessary procedures. These measures also address patients’ goals, prognoses, and needs; and they reflect the outcome of shared decision-making among patients, caregivers, and clinicians (e.g. Choosing Wisely measures). Some examples of appropriate care measures include, but are not limited to: unnecessary –readmissions, preventable admissions, unnecessary imaging, appropriate medication use.

Measures of appropriate care are required in order for a payment method to qualify as a Category 3 or 4 APM to ensure providers are incentivized to reduce/eliminate care that is wasteful and potentially harmful to patients. Appropriate care measures also ensure providers do not withhold necessary care and are incentivized to provide necessary care.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Category 1', 3,
   'Fee-for-service with no link to quality. These payments utilize traditional FFS payments (i.e., payments made for units of service) that are adjusted to account for neither infrastructure investments, nor provider reporting of quality data, nor provider performance on cost and quality metrics. Additionally, it is important to note that diagnosis related groups (DRGs) that are not linked to quality and value are classified in Category 1.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Category 2', 4,
   'Fee-for-service linked to quality. These payments utilize traditional FFS payments (i.e., payments made for units of service), but these payments are subsequently adjusted based on infrastructure investments to improve care or clinical services, whether providers report quality data, or how well providers perform on cost and quality metrics.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Category 3', 5,
   'Alternative payment methods (APMs) built on fee-for-service architecture. These payments are based on FFS architecture, while providing mechanisms for effective management of a set of procedures, an episode of care, or all health services provided for individuals. In addition to taking quality considerations into account, payments are based on cost (and occasionally utilization) performance against a target, irrespective of how the financial or utilization benchmark is established, updated, or adjusted. Providers that who meet their quality, and cost or utilization targets are eligible to share in savings, and those who do not may be held financially accountable. Category 3 APMs must hold providers financially accountable for performance on appropriate care measures. See definition of “appropriate care measures” for a description and examples.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Category 4', 6,
   'Population-based payment. These payments are structured in a manner that encourages providers to deliver well-coordinated, high quality, person-centered care within a defined scope of practice, a comprehensive collection of care or a highly integrated finance and delivery system. These models hold providers accountable for meeting quality and, increasingly, person-centered care goals for a population of patients or members. Payments are intended to cover a wide range of preventive health, health maintenance, and health improvement services, as well as acute and chronic care services. These payments will likely require care delivery systems to establish teams of health professionals to provide enhanced access and coordinated care. Category 4 APMs require accountability for appropriate care measures as a safeguard against incentives to limit necessary care.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Commercial Market', 7,
   'For the purposes of this survey, the commercial market segment includes individual, small group, large group, fully insured, self-funded and exchange business. To the extent a health plan provides benefits for the Federal Employee Health Benefit (FEHB) program, state active employee programs, and/or an exchange, this business should be considered commercial and included in the survey. Responses to the survey will reflect dollars paid for medical, behavioral health, and pharmacy benefits (to the extent possible) in CY 2019 or the most recent 12-month period for which data is available. Spending for dental and vision services are excluded. See “General Information” tab in the Excel workbook for more information.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Commercial members/ Medicare Advantage members/ Medicaid beneficiaries', 8,
   'Health plan enrollees or plan participants. See Frequently Asked Questions for more information.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Condition-specific bundled/episode payments', 9,
   'A single payment to providers and/or health care facilities for all services related to a specific condition (e.g. diabetes). The payment considers the quality, costs, and outcomes for a patient-centered course of care over a longer time period and across care settings. Providers assume financial risk for the cost of services for a particular condition, as well as costs associated with preventable complications. [APM Framework Category 4A]');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Conditions-specific population-based payment', 10,
   'A per member per month (PMPM) payment to providers for inpatient and outpatient care that a patient population may receive for a particular condition in a given time period, such as a month or year, including inpatient care and facility fees. See Frequently Asked Questions for more information. [APM Framework Category 4A]');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Contract Type - Total Cost of Care (TCOC) aka Benchmark-based', 11,
   'A total cost of care contract holds providers accountable for all costs incurred by their attributed patient population, including professional, pharmacy, hospital, ancillary care and administrative payments. The contracted provider group is responsible for costs regardless of who furnished the patients'' care.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Contract Type - Percent Revenue', 12,
   'A percent revenue contract holds provider accountable for professional and facility costs furnished by the accountable provider organization only.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('CY 2019 or most recent 12 months', 13,
   'Calendar year 2019 or the most current 12-month period for which the health plan can report payment information. This is the 12 month reporting period for which the health plan should report all of its "actual" spend data - a retrospective "look back."');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Diagnosis-related groups (DRGs)', 14,
   'A clinical category risk adjustment system that uses information about patient diagnoses and selected procedures to identify patients that are expected to have similar costs during a hospital stay - a form of case rate for a hospitalization. Each DRG is assigned a weight that reflects the relative cost of caring for patients in that category relative to other categories and is then multiplied by a conversion factor to establish payment rates.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Fee-for-service', 15,
   'Providers receive a negotiated or payer-specified payment rate for every unit of service they deliver without regard to quality, outcomes or efficiency. [APM Framework Category 1]');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Fee-For Service Based Shared risk', 16,
   'A payment arrangement that allows providers to share in a portion of any savings they generate as compared to a set target for spending, but also puts them at financial risk for any overspending. Shared risk provides both an upside and downside financial incentive for providers or provider entities to reduce unnecessary spending for a defined population of patients or an episode of care, and to meet quality targets. [APM Framework 3B]');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Foundational spending', 17,
   'Includes but is not limited to payments to improve care delivery such as outreach and care coordination/management; after-hour availability; patient communication enhancements; health IT infrastructure use. May come in the form of care/case management fees, medical home payments, infrastructure payments, meaningful use payments and/or per-episode fees for specialists. [APM Framework Category 2A]');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Full or percent of premium population-based payments', 18,
   'A fixed dollar payment to providers for all the care that a patient population may receive in a given time period, such as a month or year, (e.g. inpatient, outpatient, specialists, out-of-network, etc.) with payment adjustments based on measured performance and patient risk. [APM Framework Category 4B]');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Integrated finance and delivery system payments', 19,
   'Payments in which the delivery system is integrated with the finance system and delivers comprehensive care. These integrated arrangements consist of either insurance companies that own provider networks, or delivery systems that offer their own insurance products, or payer and provider organizations that share a common governance structure, or payer and provider organizations that are engaged in mutually exclusive relationships. See Frequently Asked Questions for more information. [APM Framework Category 4C]');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('LAN Nominal Risk Threshold', 20,
   'For the purpose of the LAN, a contract must meet 3 criteria to qualify as having Nominal Risk: A risk minimum <=4%; Provider Risk Share of >=30%, and Net Risk of 3% for a TCOC contract or 8% for a % Revenue contract');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Legacy payments', 21,
   'Payments that utilize traditional payments and are not adjusted to account for infrastructure investments, provider reporting of quality data, or for provider performance on cost and quality metrics. This can include fee-for-service, diagnosis-related groups (DRGs) and per diems. [APM Framework Category 1].');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Linked to quality', 22,
   'Payments that are set or adjusted based on evidence that providers meet quality standards or improve care or clinical services, including for providers who report quality data, or providers who meet a threshold on cost and quality metrics. The APM Framework does not specify which quality measures qualify for a payment method to be "linked to quality" in Category 2. In order to qualify as a Category 3 or 4 APM, the link to quality must include “appropriate care measures.” See definition of “appropriate care measures” for a description and examples.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Medicaid Market', 23,
   'For the purposes of this survey, the Medicaid market segment includes both business with a state to provide health benefits to Medicaid eligible individuals and state-run programs themselves. Data submitted for this survey should exclude the following: health care spending for dual-eligible beneficiaries, health care spending for long-term services and supports (LTSS), spending for dental and vision services. Responses to the survey will reflect dollars paid for medical, behavioral health, and pharmacy benefits (to the extent possible) in CY 2019 or the most recent 12-month period for which data is available. See “General Information” tab in the Excel workbook for more information.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Medicare Advantage Market', 24,
   'For the purposes of this survey, the Medicare Advantage market segment includes a type of Medicare health plan offered by a private company that contracts with Medicare to provide all Part A and Part B benefits. Medicare Advantage Plans include Health Maintenance Organizations, Preferred Provider Organizations, Private Fee-for-Service Plans, and Special Needs Plans. To the extent the Medicare Advantage plan has Part D or drug spending under its operations, it should include this information in its response. Responses to the survey will reflect dollars paid for Medicare Advantage beneficiaries’ (including dual eligible beneficiaries) medical, behavioral health, and pharmacy benefits (to the extent possible) in CY 2019 or the most recent 12-month period for which data is available. Dental and vision services are excluded. See “General Information” tab in the Excel workbook for more information.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Net Risk aka Total Risk', 25,
   'Net risk combines the risk maximum with risk share to assess the provider''s total liability. Net Risk is calculated by multiplying Risk Cap*Net Risk. For example, a contract with a risk cap of 10% and a shared risk of 60% has a net risk score of 6%.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Pay-for-performance', 26,
   'The use of incentives (usually financial) to providers to achieve improved performance by increasing the quality of care and/or reducing costs. Incentives are typically paid on top of a base payment, such as fee-for-service or population-based payment. In some cases, if providers do not meet quality of care targets, their base payment is adjusted downward the subsequent year. [APM Framework Categories 2C].');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Population-based payments that are NOT condition-specific', 27,
   'A per member per month (PMPM) payment to providers for outpatient or professional services that a patient population may receive in a given time period, such as a month or year, not including inpatient care or facility fees. The services for which the payment provides coverage is predefined and could cover primary, acute and post-acute care that is not specific to any particular condition. [APM Framework Category 4B]');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Procedure-based bundled/episode payment', 28,
   'Setting a single price for all services to providers and/or health care facilities for all services related to a specific procedure (e.g. hip replacement). The payment is designed to improve value and outcomes by using quality metrics for provider accountability. Providers assume financial risk for the cost of services for a particular procedure and related services, as well as costs associated with preventable complications. [APM Framework Categories 3B].');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Provider', 29,
   'For the purposes of this workbook, provider includes all providers for which there is health care spending. For the purposes of reporting APMs, this includes medical, behavioral, pharmacy, and DME spending to the greatest extent possible, and excludes dental and vision.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Recoupment', 30,
   'The mechanism by which the health plan recovers the provider’s share of incurred losses (e.g. withholding payment, reducing payment rates, requiring direct payments back to the payer or carrying the loss forward into the next payment period)');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Reinsurance', 31,
   'In this context, a reimbursement system that protects providers from losses incurred from very high claims. A health plan can offer reinsurance to providers in two-sided risk contracts, or providers may purchaser reinsurance from a third party. See also “Stop Loss Insurance”');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Risk Minimum aka Minimum Loss Rate, or Risk Corridor', 32,
   'The Risk Minimum establishes a minimum level of loss (or gain) that must be realized before risk sharing (or shared savings) is applied. The Risk Minimum is a mechanism designed to ensure the statistical likelihood that calculated losses are actual losses, and not due to random variation. For example, if a provider group has a PMPM cost target of $200 and a risk minimum of 3%, they would not incur any penalties unless they exceeded their cost target by >$206.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Shared Risk (Provider) aka Marginal Risk', 33,
   'The Provider Risk Share indicates the proportional liability the provider is accountable for, viz. the health plan or payer. For example, if a provider exceeds their cost target by $50, and is a 60/40 risk share agreement, they are only liable for $30 of loss.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Stop Loss Insurance', 34,
   'Stop loss insurance (also known as excess insurance) is a product that offers providers protection against catastrophic or unpredictable losses. See also “Reinsurance.”');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Total Dollars (Contract Level)', 35,
   'The total dollars flowing through a particular contract - i.e. total costs for attributed members in TCOC contracts, total provider revenue for providers in % revenue contracts, or total costs pertaining to an episode of care');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Total dollars (Plan-Level)', 36,
   'The total estimated in- and out-of-network health care spend (e.g. annual payment amount) made to providers in calendar year (CY) 2019 or most recent 12 months.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Traditional shared savings', 37,
   'A payment arrangement that allows providers to share in a portion of any savings they generate as compared to a pre-established set target for spending, as long as they meet quality targets. Traditional shared savings provides an upside only financial incentive for providers or provider entities to reduce unnecessary spending for a defined population of patients or an episode of care, and to meet quality targets.');
INSERT INTO edition_definition (term, pos, body) VALUES
  ('Utilization-based shared savings', 38,
   'A payment arrangement that allows providers to share in a portion of any savings they generate due to meeting quality and utilization targets that produce savings (e.g. Medicare CPC+ Track 1 program). There are no financial targets in these arrangements; instead there are utilization targets that impact a significant portion of the total cost of care. Examples of utilization measures include, but are not limited to: emergency department utilization, inpatient admissions, and readmissions. Utilization-based shared savings provides an upside only financial incentive for providers or provider entities to reduce unnecessary care or utilization for a defined population of patients or an episode of care, and to meet quality targets.');

-- Longer help: introduction, cross-checking advice, nominal risk.
INSERT INTO edition_help (id, pos, title, body) VALUES
  ('introduction', 1, 'Introduction',
   'The Health Care Payment Learning and Action Network''s (LAN) goal is to bring together private payers, providers, employers, state partners, consumer groups, individual consumers, and other stakeholders to accelerate the transition to alternative payment models (APMs).

To measure the nation''s progress, the LAN launched the National APM Data Collection Effort in 2016. This workbook is used to help health plan prepare their data in order to submit their response to the online survey. The APM Measurement Effort categorizes APM adoption according to the Refreshed APM Framework, which was revised in January 2017, and by line of business to be aggregated with other plan responses.

Refreshed APM Framework Overview

Contents

This workbook is intended for internal use by Measurement Effort participants. To submit APM data to the LAN, please use the online Qualtrics survey.

Tab 1 Introduction: Introducing the workbook and providing important instructions
Tab 2 General Information: Background description about health plan data submission
Tab 3 Payment Model Selection: Questions to identify which payment models were in effect in reporting period
Tab 4 Commercial: Metrics to report commercial dollars flowing through APMs
Tab 5 Medicare Advantage (MA): Metrics to report Medicare Advantage dollars flowing through APMs
Tab 6 Medicaid: Metrics to report Medicaid dollars flowing through APMs (for either health plans serving the Medicaid sector or state agencies managing health care coverage for state Medicaid enrollees)
Tab 7 Cross-Checking: Questions to identify whether data entries in Tabs 4-6 need correction
Tab 8 Nominal Risk Introduction: Introduction and instructions for applying the nominal risk calculation to dollars flowing through 3B FFS-Based Shared Risk
Tab 9 Nominal Risk Example: Illustrative example of applying the nominal risk calculation to dollars flowing through 3B FFS-Based Shared Risk
Tab 10 Nominal Risk Worksheet: Worksheet to allow respondents to apply the nominal risk calculation to dollars flowing through 3B FFS-Based Shared Risk
Tab 11 Informational Questions: Informational questions
Tab 12 Definitions: Defines key terms

If you have any questions, please view the Frequently Asked Questions (https://hcp-lan.org/workproducts/2020-APM-Measurement-FAQ.pdf) or email Andrea Caballero at the LAN.');
INSERT INTO edition_help (id, pos, title, body) VALUES
  ('cross_checking', 2, 'Cross-checking',
   'Please take a moment to review your data entry.

The sum of the dollars listed for each payment model (the numerators) should account for exactly 100% of the total dollars paid to providers in 2019 (the denominator). If the sum of the numerators does not equal the denominator, the LAN Measurement Team will email you to identify where dollars are missing or are double counted.

Common issues for why the sum of the numerators is not equal to the denominator:

If the sum of the numerators is greater than the denominator:
Double counting of APM dollars: When a provider arrangement includes more than one type of payment method, all dollars flowing through that arrangement should be categorized today in the most advanced or "dominant" APM.

If the sum of the numerators is less than the denominator:
Not accounting for the underlying fee-for-service payments: Dollars categorized as an APM Categories 2 and 3 rely on a fee-for-service architecture. Payments classified as APMs should include the underlying fee-for-service payments in addition to any incentives, bonuses, or savings shared with the provider.

If you are able to resolve the issue, please edit your responses. If you have questions on how to categorize dollars, please contact Andréa Caballero at the LAN.');
INSERT INTO edition_help (id, pos, title, body) VALUES
  ('xc_over', 3, 'Numerators greater than the denominator',
   'Double counting of APM dollars: When a provider arrangement includes more than one type of payment method, all dollars flowing through that arrangement should be categorized today in the most advanced or "dominant" APM.');
INSERT INTO edition_help (id, pos, title, body) VALUES
  ('xc_under', 4, 'Numerators less than the denominator',
   'Not accounting for the underlying fee-for-service payments: Dollars categorized as an APM Categories 2 and 3 rely on a fee-for-service architecture. Payments classified as APMs should include the underlying fee-for-service payments in addition to any incentives, bonuses, or savings shared with the provider.');
INSERT INTO edition_help (id, pos, title, body) VALUES
  ('nominal_intro', 5, 'Nominal risk introduction',
   'Introduction

The LAN is interested in measuring whether dollars flowing through payment methods with provider two-sided risk would meet the LAN’s “nominal risk” specifications. Please note that the LAN nominal risk specifications partly align with the "nominal risk" specifications outlined in the QPP, but are not identical. To explore the possibility of incorporating this analysis into future Measurement Efforts, the LAN engaged AHIP, BCBSA, CMMI, and approximately 15 national, regional, and public state payers in a workgroup tasked with developing a parsimonious set of metrics to measure the levels of two-sided risk in APM categories 3B, 4A, 4B, and 4C in all market segments (commercial, Medicaid, Medicare Advantage, Medicare FFS). This metric represents the output of this workgroup process.

Currently, the nominal risk standard applies only to FFS-based Shared Risk in Category 3B, even though this payment model is one of many that include two-sided risk. Population-based models in Category 4 are designed to confer full risk to the provider and therefore automatically meet any threshold of nominal risk. Procedure-based episode payments (3B) and condition-specific episode payments (4A) are classified differently in the framework, but for the purposes of classifying nominal risk, the LAN ultimately decided to classify all bundled payment contracts as automatically meeting the nominal risk threshold.

Instructions

1. All dollars in procedure-based episode payments (3B), and 4A, 4B and 4C are assumed to meet the nominal risk threshold. The plan does not need to take any further action.

2. Any fee-for-service- based shared-risk dollars (3B) must meet the following 3 criteria (for definition of terms, please refer to the Definitions tab):
   • Risk Minimum <= 4% of total cost of care target
   • Provider Risk Share >= 30% of any incurred losses
   • Net Risk >= 3% for Benchmark-based risk contracts, and >=8% for Percent of Revenue-based risk contracts

3. For any dollars in shared-risk (3B), plans are asked to provide the portion of the dollars in this subcategory that meet the nominal risk threshold (see definitions).
   • Plans have the option to:
      i. Attest to the fact that all their shared-risk spending meets or exceeds either the benchmark-based or percent of revenue-based net risk thresholds; or
      ii. Use the Worksheet tab to assist the plan in determining the total dollars in 3B that meet the nominal risk threshold.
   • Plans do not need to consider the type or recoupment mechanism in the shared-risk contract. Any recoupment method (e.g., withholding payment, reducing payment rates, requiring direct payments back to the payer or carrying the loss forward into the next payment period) is allowed in the LAN’s determination of calculating nominal risk.
   c. Plans do not need to consider any protections the provider might take to protect itself from financial loss (e.g., reinsurance or stop-loss insurance) in the plan’s calculation of nominal risk. The plan only needs to consider the dollars it pays through the contract.

If you have any questions, please email Andrea Caballero and Julianne McGarry at the LAN.

Defined terms related to calculating the nominal risk threshold can be found in the Definitions tab.');
INSERT INTO edition_help (id, pos, title, body) VALUES
  ('nominal_example', 6, 'Nominal risk example',
   'Nominal Risk Calculation - Example

Columns: Line = Line of Business; Type = Contract Type (Select TCOC or % Revenue); Min = % Risk Min; Max = % Risk Max; Share = Shared Risk (Provider); Net = % Net Risk; Dollars = Total Dollars; Meets? = Meets LAN Nominal Risk Threshold?

Contract    Line       Type       Min  Max Share   Net     Dollars  Meets?
Contract 1  Medicare   TCOC        1%   5%   30%  1.5% 100,000,000  NO
Contract 3  Commercial TCOC        2%  15%   25%  3.8% 100,000,000  NO
Contract 2  Medicaid   % Revenue   5%  15%   60%  9.0%  10,000,000  NO
Contract 4  Commercial % Revenue   1%  10%   25%  2.5%  10,000,000  NO
Contract 5  Medicare   % Revenue   1%  10%   80%  8.0% 200,000,000  YES
Contract 6  Medicare   % Revenue   1%  20%   80% 16.0%  10,000,000  YES
Contract 7  Commercial TCOC        1%  10%   60%  6.0% 500,000,000  YES
Contract 8  Commercial TCOC        1%  10%   70%  7.0% 300,000,000  YES
Contract 9  Medicare   TCOC        1%  10%   70%  7.0% 100,000,000  YES
Contract 10 Medicaid   TCOC        1%  20%   50% 10.0% 300,000,000  YES
Contract 11 Medicaid   TCOC        1%  15%   80% 12.0% 500,000,000  YES
Contract 12 Medicaid   TCOC        1%  20%   80% 16.0% 700,000,000  YES

DSR Commercial Spend       910,000,000
DSR Medicare Spend         410,000,000
DSR Medicaid Spend       1,510,000,000
Total DSR All LOB        2,830,000,000

Total Spend - all categories
Total Commercial Spend   5,000,000,000
Total Medicare Spend     2,900,000,000
Total Medicaid Spend     3,100,000,000
Grand Total - All LOBs  11,000,000,000

MEETS = MEETS LAN Nominal Risk Threshold; DOES NOT MEET = DOES NOT MEET LAN Nominal Risk Threshold; % = % Total Spend.

Line of             MEETS         DOES NOT MEET                 Total
Business          Dollars      %        Dollars      %        Dollars      %
Commercial   $800,000,000  16.0%   $110,000,000   2.2%   $910,000,000  18.2%
Medicare     $310,000,000  10.7%   $100,000,000   3.4%   $410,000,000  14.1%
Medicaid   $1,500,000,000  48.4%    $10,000,000   0.3% $1,510,000,000  48.7%
Total      $2,610,000,000  23.7%   $220,000,000   2.0% $2,830,000,000  25.7%');
INSERT INTO edition_help (id, pos, title, body) VALUES
  ('informational', 7, 'Informational questions',
   'The following questions ask about the current and future state of payment reform from the health plan’s perspective.

For the purposes of this survey, health plan refers to any type of health insurance company, third party administrator, or health care purchaser paying for health care provisions on behalf of a population (e.g. state Medicaid agency).');
