/**
 * Every document builder through both layouters, pinned by inline snapshots that were read by a
 * person: the same small shop (two departments, a shop assistant, two customers, one rated
 * hand-off) so each view can be checked against the others.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { businessImpact } from '../../src/analysis/business-impact.js';
import { structuralMetrics } from '../../src/analysis/metrics.js';
import { plan } from '../../src/analysis/plan.js';
import { handoffRatings } from '../../src/analysis/ratings.js';
import { rollUp } from '../../src/analysis/roll-up.js';
import { aggregateSurvey } from '../../src/analysis/survey.js';
import { whatIf } from '../../src/analysis/what-if.js';
import { validateModel } from '../../src/model/load.js';
import { toMarkdown } from '../../src/render/markdown.js';
import { renderMetrics } from '../../src/render/metrics-document.js';
import { moneyMarkdown, moneyText } from '../../src/render/money-document.js';
import { renderPlan } from '../../src/render/plan-document.js';
import { renderHandoffRatings } from '../../src/render/ratings-document.js';
import { renderRollUp } from '../../src/render/roll-up-document.js';
import { renderSurvey } from '../../src/render/survey-document.js';
import { toText } from '../../src/render/text.js';
import { renderWhatIf } from '../../src/render/what-if-document.js';

const { model } = validateModel({
  version: 1,
  name: 'Corner shop',
  departments: [
    { id: 'shop', name: 'The shop' },
    { id: 'warehouse', name: 'Warehouse', performance: 0.9, parent: 'shop' },
    { id: 'dispatch', name: 'Dispatch', parent: 'shop' },
  ],
  employees: [{ id: 'jo', name: 'Jo Bloggs', department: 'dispatch', welfare: 0.9 }],
  customers: [
    { id: 'shoppers', name: 'Shoppers', count: 1000, value: 300_000, acquisitionCost: 40 },
    { id: 'cafes', name: 'Cafés', segment: 'distributor', value: 12_500 },
  ],
  handoffs: [
    { from: 'warehouse', to: 'dispatch', quality: 0.8 },
    { from: 'dispatch', to: 'jo', quality: 0.95 },
    { from: 'jo', to: 'shoppers', ratings: { timeliness: 4, accuracy: 3 } },
    { id: 'van', from: 'dispatch', to: 'cafes', quality: 0.9 },
  ],
});
const report = analyze(model);

describe('the analysis report', () => {
  it('reads as text', () => {
    expect(toText(report, { top: 3 })).toMatchInlineSnapshot(`
      "Service chain analysis: Corner shop
      ===================================
      Departments:           3
      Employees:             1
      Customers:             2
      Hand-offs:             4
      Organisation score S:  0.395 (39.5%)

      Headline
      --------
      - [fix first] Jo Bloggs -> Shoppers: fixing it alone raises S by +0.222, from 0.395 to 0.617, the largest gain of any single link.
      - [weakest link] Jo Bloggs -> Shoppers is the weakest link behind 1 of 2 customers that weigh in S (Shoppers): it cannot receive more than 0.625 through it. It is also the link to fix first.
      - [weakest link] Warehouse -> Dispatch is the weakest link behind 1 of 2 customers that weigh in S (Cafés): it cannot receive more than 0.800 through it. Fixing it gains +0.099 (rank 2 by fix gain).

      The weakest link caps what a customer can receive (chain strength); the fix gain says what repairing a link buys. They differ where a receiver catches poor input, a backup covers it or it weighs little.

      Customers
      ---------
      Customer    Value  Service  Chain strength  Weakest link
      --------  -------  -------  --------------  ---------------------
      Shoppers  300,000    0.385           0.625  Jo Bloggs -> Shoppers
      Cafés      12,500    0.648           0.800  Warehouse -> Dispatch

      Chain behind each customer, from its weakest link:

      - Shoppers: Jo Bloggs -> Shoppers
      - Cafés: Warehouse -> Dispatch -> Cafés

      Fix first, customer by customer
      -------------------------------
      Customer  Fix first                Gain  Weakest link           Caps at
      --------  ---------------------  ------  ---------------------  -------
      Shoppers  Jo Bloggs -> Shoppers  +0.231  Jo Bloggs -> Shoppers    0.625
      Cafés     Warehouse -> Dispatch  +0.162  Warehouse -> Dispatch    0.800

      Top links to fix
      ----------------
      - Fix gain: what S would gain if this link alone were made perfect.
      - Failure loss: what S would lose if this link alone broke down completely.
      - Sensitivity: how fast S moves with this link's strength (dS/dx).

      #  Link                                              Kind        Fix gain  Failure loss  Sensitivity  Weakest link for
      -  ------------------------------------------------  ----------  --------  ------------  -----------  ----------------
      1  Jo Bloggs -> Shoppers [fix first] [weakest link]  hand-off       0.222         0.369        0.591  Shoppers
      2  Warehouse -> Dispatch [weakest link]              hand-off       0.099         0.395        0.494  Cafés
      3  Warehouse                                         department     0.044         0.395        0.439  -

      Showing 3 of 6 links worth fixing (raise --top to see more); the JSON report lists them all.

      What breaks everything
      ----------------------
      The links whose breakdown alone would cost S the most, with the share of S it would take. A link with a large failure loss and little fix gain is good but unprotected: the remedy is a backup or a receiver that catches poor input, not a better link.

      #  Link                    Failure loss  Share of S  Fix gain
      -  ----------------------  ------------  ----------  --------
      1  Dispatch (department)          0.395      100.0%     0.000
      2  Warehouse -> Dispatch          0.395      100.0%    +0.099
      3  Warehouse (department)         0.395      100.0%    +0.044

      Back offices with a big reach
      -----------------------------
      - Warehouse: no customer contact, yet reaches 2 customers, the nearest 2 hand-offs away.

      Cycles
      ------
      None: no hand-off chain loops back.

      Single points of failure
      ------------------------
      No way around: every path of service to the customer passes through the link. Costly: the link's failure alone loses more than the threshold share (--spof-threshold, default half) of the customer's service (loss in brackets).

      - Shoppers: no way around Warehouse, Warehouse -> Dispatch, Dispatch and 3 more
      - Cafés: no way around Warehouse, Warehouse -> Dispatch, Dispatch and 1 more

      Warnings
      --------
      None.
      "
    `);
  });

  it('reads as Markdown', () => {
    expect(toMarkdown(report, { top: 3 })).toMatchInlineSnapshot(`
      "# Service chain analysis: Corner shop

      - **Departments:** 3
      - **Employees:** 1
      - **Customers:** 2
      - **Hand-offs:** 4
      - **Organisation score S:** 0.395 (39.5%)

      ## Headline

      - \\[fix first\\] Jo Bloggs -> Shoppers: fixing it alone raises S by +0.222, from 0.395 to 0.617, the largest gain of any single link.
      - \\[weakest link\\] Jo Bloggs -> Shoppers is the weakest link behind 1 of 2 customers that weigh in S (Shoppers): it cannot receive more than 0.625 through it. It is also the link to fix first.
      - \\[weakest link\\] Warehouse -> Dispatch is the weakest link behind 1 of 2 customers that weigh in S (Cafés): it cannot receive more than 0.800 through it. Fixing it gains +0.099 (rank 2 by fix gain).

      The weakest link caps what a customer can receive (chain strength); the fix gain says what repairing a link buys. They differ where a receiver catches poor input, a backup covers it or it weighs little.

      ## Customers

      | Customer | Value | Service | Chain strength | Weakest link |
      |---|---:|---:|---:|---|
      | Shoppers | 300,000 | 0.385 | 0.625 | Jo Bloggs -> Shoppers |
      | Cafés | 12,500 | 0.648 | 0.800 | Warehouse -> Dispatch |

      Chain behind each customer, from its weakest link:

      - Shoppers: Jo Bloggs -> Shoppers
      - Cafés: Warehouse -> Dispatch -> Cafés

      ## Fix first, customer by customer

      | Customer | Fix first | Gain | Weakest link | Caps at |
      |---|---|---:|---|---:|
      | Shoppers | Jo Bloggs -> Shoppers | +0.231 | Jo Bloggs -> Shoppers | 0.625 |
      | Cafés | Warehouse -> Dispatch | +0.162 | Warehouse -> Dispatch | 0.800 |

      ## Top links to fix

      - Fix gain: what S would gain if this link alone were made perfect.
      - Failure loss: what S would lose if this link alone broke down completely.
      - Sensitivity: how fast S moves with this link's strength (dS/dx).

      | # | Link | Kind | Fix gain | Failure loss | Sensitivity | Weakest link for |
      |---:|---|---|---:|---:|---:|---|
      | 1 | Jo Bloggs -> Shoppers \\[fix first\\] \\[weakest link\\] | hand-off | 0.222 | 0.369 | 0.591 | Shoppers |
      | 2 | Warehouse -> Dispatch \\[weakest link\\] | hand-off | 0.099 | 0.395 | 0.494 | Cafés |
      | 3 | Warehouse | department | 0.044 | 0.395 | 0.439 | - |

      > Showing 3 of 6 links worth fixing (raise --top to see more); the JSON report lists them all.

      ## What breaks everything

      The links whose breakdown alone would cost S the most, with the share of S it would take. A link with a large failure loss and little fix gain is good but unprotected: the remedy is a backup or a receiver that catches poor input, not a better link.

      | # | Link | Failure loss | Share of S | Fix gain |
      |---:|---|---:|---:|---:|
      | 1 | Dispatch (department) | 0.395 | 100.0% | 0.000 |
      | 2 | Warehouse -> Dispatch | 0.395 | 100.0% | +0.099 |
      | 3 | Warehouse (department) | 0.395 | 100.0% | +0.044 |

      ## Back offices with a big reach

      - Warehouse: no customer contact, yet reaches 2 customers, the nearest 2 hand-offs away.

      ## Cycles

      None: no hand-off chain loops back.

      ## Single points of failure

      No way around: every path of service to the customer passes through the link. Costly: the link's failure alone loses more than the threshold share (--spof-threshold, default half) of the customer's service (loss in brackets).

      - Shoppers: no way around Warehouse, Warehouse -> Dispatch, Dispatch and 3 more
      - Cafés: no way around Warehouse, Warehouse -> Dispatch, Dispatch and 1 more

      ## Warnings

      None.
      "
    `);
  });
});

describe('the money view', () => {
  const impact = businessImpact(model, { top: 2 });

  it('reads as text', () => {
    expect(moneyText(impact, { top: 2 })).toMatchInlineSnapshot(`
      "Money at risk
      -------------
      Yearly figures. The coefficients are assumptions to set from the client's own figures; those marked (model default) come from the model's defaults block, (built-in) from the library's own guesses, the others from the customer.

      Customer  Segment      Service  Failed  Customers lost  Prospects not won  At risk
      --------  -----------  -------  ------  --------------  -----------------  -------
      Shoppers  end-user       0.385   61.5%          153.81               0.00   52,296
      Cafés     distributor    0.648   35.2%            0.09               0.00    1,100
      Total                            61.5%          153.90               0.00   53,396

      Prospects not won are 0 because word-of-mouth conversion is 0: each customer lost tells 10 others, but none of them is counted as a customer you would have won. Set wordOfMouth.conversion (on a customer or in defaults) to count them.

      [fix first] For money: fixing jo->shoppers alone saves 19,622 a year, the most of any single link.

      Top links by money saved. Fix saves: the money at risk now minus with this link perfect. Failure costs: with it broken down minus now. Both exact recomputations.

      #  Link                      Strength  Fix saves  Failure costs
      -  ------------------------  --------  ---------  -------------
      1  jo->shoppers [fix first]     0.625     19,622         32,704
      2  warehouse->dispatch          0.800      8,682         34,729

      Showing 2 of 6 links worth fixing (raise --top to see more); the JSON report lists them all.

      Coefficients used:

      Customer         Count    Value    Base churn  Churn per failure      Recovery          Tells    Conversion  Acquisition cost
      --------  ------------  -------  ------------  -----------------  ------------  -------------  ------------  ----------------
      Shoppers         1,000  300,000  0 (built-in)    0.25 (built-in)  0 (built-in)  10 (built-in)  0 (built-in)                40
      Cafés     1 (built-in)   12,500  0 (built-in)    0.25 (built-in)  0 (built-in)  10 (built-in)  0 (built-in)      0 (built-in)
      "
    `);
  });

  it('reads as Markdown', () => {
    expect(moneyMarkdown(impact, { top: 2 })).toMatchInlineSnapshot(`
      "## Money at risk

      Yearly figures. The coefficients are assumptions to set from the client's own figures; those marked (model default) come from the model's defaults block, (built-in) from the library's own guesses, the others from the customer.

      | Customer | Segment | Service | Failed | Customers lost | Prospects not won | At risk |
      |---|---|---:|---:|---:|---:|---:|
      | Shoppers | end-user | 0.385 | 61.5% | 153.81 | 0.00 | 52,296 |
      | Cafés | distributor | 0.648 | 35.2% | 0.09 | 0.00 | 1,100 |
      | Total |  |  | 61.5% | 153.90 | 0.00 | 53,396 |

      > Prospects not won are 0 because word-of-mouth conversion is 0: each customer lost tells 10 others, but none of them is counted as a customer you would have won. Set wordOfMouth.conversion (on a customer or in defaults) to count them.

      \\[fix first\\] For money: fixing \`jo->shoppers\` alone saves 19,622 a year, the most of any single link.

      Top links by money saved. Fix saves: the money at risk now minus with this link perfect. Failure costs: with it broken down minus now. Both exact recomputations.

      | # | Link | Strength | Fix saves | Failure costs |
      |---:|---|---:|---:|---:|
      | 1 | \`jo->shoppers\` \\[fix first\\] | 0.625 | 19,622 | 32,704 |
      | 2 | \`warehouse->dispatch\` | 0.800 | 8,682 | 34,729 |

      > Showing 2 of 6 links worth fixing (raise --top to see more); the JSON report lists them all.

      Coefficients used:

      | Customer | Count | Value | Base churn | Churn per failure | Recovery | Tells | Conversion | Acquisition cost |
      |---|---:|---:|---:|---:|---:|---:|---:|---:|
      | Shoppers | 1,000 | 300,000 | 0 (built-in) | 0.25 (built-in) | 0 (built-in) | 10 (built-in) | 0 (built-in) | 40 |
      | Cafés | 1 (built-in) | 12,500 | 0 (built-in) | 0.25 (built-in) | 0 (built-in) | 10 (built-in) | 0 (built-in) | 0 (built-in) |
      "
    `);
  });
});

describe('what-if', () => {
  const result = whatIf(model, {
    name: 'Scanners at picking',
    changes: [{ handoff: 'warehouse->dispatch', set: { quality: 0.95 } }],
  });

  it('reads as text', () => {
    expect(renderWhatIf(result, 'text', { top: 3 })).toMatchInlineSnapshot(`
      "What-if: Scanners at picking
      ============================

      Organisation score
      ------------------
      S: 0.395 -> 0.469 (+0.074) after 1 change.

      Customers (largest change first)
      --------------------------------
      Customer  Service before  Service after  Change  Chain strength before  Chain strength after  Weakest link after
      --------  --------------  -------------  ------  ---------------------  --------------------  ---------------------------------------------
      Cafés              0.648          0.769  +0.121                  0.800                 0.900  dispatch -> Cafés (was warehouse -> dispatch)
      Shoppers           0.385          0.457  +0.072                  0.625                 0.625  jo -> Shoppers

      Links whose fix-gain rank moved
      -------------------------------
      Link                 Kind      Rank before  Fix gain before  Rank after  Fix gain after
      -------------------  --------  -----------  ---------------  ----------  --------------
      warehouse            actor               3            0.044           2           0.052
      jo                   actor               4            0.041           3           0.049
      warehouse->dispatch  hand-off            2            0.099           4           0.025
      "
    `);
  });

  it('reads as Markdown', () => {
    expect(renderWhatIf(result, 'markdown', { top: 3 })).toMatchInlineSnapshot(`
      "# What-if: Scanners at picking

      ## Organisation score

      S: 0.395 -> 0.469 (+0.074) after 1 change.

      ## Customers (largest change first)

      | Customer | Service before | Service after | Change | Chain strength before | Chain strength after | Weakest link after |
      |---|---:|---:|---:|---:|---:|---|
      | Cafés | 0.648 | 0.769 | +0.121 | 0.800 | 0.900 | \`dispatch\` -> Cafés (was \`warehouse\` -> \`dispatch\`) |
      | Shoppers | 0.385 | 0.457 | +0.072 | 0.625 | 0.625 | \`jo\` -> Shoppers |

      ## Links whose fix-gain rank moved

      | Link | Kind | Rank before | Fix gain before | Rank after | Fix gain after |
      |---|---|---:|---:|---:|---:|
      | \`warehouse\` | actor | 3 | 0.044 | 2 | 0.052 |
      | \`jo\` | actor | 4 | 0.041 | 3 | 0.049 |
      | \`warehouse->dispatch\` | hand-off | 2 | 0.099 | 4 | 0.025 |
      "
    `);
  });
});

describe('the plan', () => {
  const result = plan(model, {
    budget: 5000,
    candidates: [
      {
        id: 'scanners',
        label: 'Barcode scanners',
        cost: 4000,
        changes: [{ handoff: 'warehouse->dispatch', set: { quality: 0.95 } }],
      },
      {
        id: 'new-van',
        label: 'A new van',
        cost: 2500,
        changes: [{ handoff: 'van', set: { quality: 1 } }],
      },
      { id: 'rest-room', cost: 600, changes: [{ actor: 'jo', set: { welfare: 1 } }] },
    ],
  });

  it('reads as text', () => {
    expect(renderPlan(result)).toMatchInlineSnapshot(`
      "Improvement plan
      ================

      Summary
      -------
      Objective:  score (gain in S per unit of cost)
      S:          0.395 -> 0.518 (+0.123)
      Budget:     5,000 (spent 4,600, left 400)
      Method:     exact: best of 2^3 = 8 combinations (5 sets within the budget evaluated)

      Picks (by exact gain in S per unit of cost)
      -------------------------------------------
      Step  Candidate                     Cost  Gain in S  Gain per 1,000  S after  Money left
      ----  ---------------------------  -----  ---------  --------------  -------  ----------
         1  rest-room                      600    +0.0410          0.0684   0.4363       4,400
         2  Barcode scanners (scanners)  4,000    +0.0818          0.0205   0.5181         400

      Not taken
      ---------
      Candidate             Cost  Gain in S  Reason
      -------------------  -----  ---------  --------------------------------------
      A new van (new-van)  2,500    +0.0034  over budget: costs 2,500 with 400 left
      "
    `);
  });

  it('reads as Markdown', () => {
    expect(renderPlan(result, 'markdown')).toMatchInlineSnapshot(`
      "# Improvement plan

      ## Summary

      - **Objective:** score (gain in S per unit of cost)
      - **S:** 0.395 -> 0.518 (+0.123)
      - **Budget:** 5,000 (spent 4,600, left 400)
      - **Method:** exact: best of 2^3 = 8 combinations (5 sets within the budget evaluated)

      ## Picks (by exact gain in S per unit of cost)

      | Step | Candidate | Cost | Gain in S | Gain per 1,000 | S after | Money left |
      |---:|---|---:|---:|---:|---:|---:|
      | 1 | \`rest-room\` | 600 | +0.0410 | 0.0684 | 0.4363 | 4,400 |
      | 2 | Barcode scanners (\`scanners\`) | 4,000 | +0.0818 | 0.0205 | 0.5181 | 400 |

      ## Not taken

      | Candidate | Cost | Gain in S | Reason |
      |---|---:|---:|---|
      | A new van (\`new-van\`) | 2,500 | +0.0034 | over budget: costs 2,500 with 400 left |
      "
    `);
  });
});

describe('the survey', () => {
  const csv = [
    'from,to,respondent,timeliness,accuracy',
    'jo,shoppers,ann,4,3',
    'jo,shoppers,bob,5,3',
    'jo,shoppers,cy,3,4',
    'warehouse,jo,dee,2,2',
  ].join('\n');
  const result = aggregateSurvey(model, csv);

  it('reads as text', () => {
    expect(renderSurvey(result)).toMatchInlineSnapshot(`
      "Survey: how do people see you?
      ==============================

      Rated hand-offs
      ---------------
      Hand-off               Respondents  Quality  Mean per dimension ± standard error
      ---------------------  -----------  -------  --------------------------------------------------------
      Jo Bloggs -> Shoppers            3    0.667  accuracy 3.33 ± 0.33 (n=3); timeliness 4.00 ± 0.58 (n=3)

      Hand-offs nobody rated
      ----------------------
      warehouse->dispatch, dispatch->jo, van

      Rows that name no hand-off
      --------------------------
      Line  Why
      ----  ------------------------------------
         5  no hand-off from "warehouse" to "jo"
      "
    `);
  });

  it('reads as Markdown', () => {
    expect(renderSurvey(result, 'markdown')).toMatchInlineSnapshot(`
      "# Survey: how do people see you?

      ## Rated hand-offs

      | Hand-off | Respondents | Quality | Mean per dimension ± standard error |
      |---|---:|---:|---|
      | Jo Bloggs -> Shoppers | 3 | 0.667 | \`accuracy\` 3.33 ± 0.33 (n=3); \`timeliness\` 4.00 ± 0.58 (n=3) |

      ## Hand-offs nobody rated

      \`warehouse->dispatch\`, \`dispatch->jo\`, \`van\`

      ## Rows that name no hand-off

      | Line | Why |
      |---:|---|
      | 5 | no hand-off from "warehouse" to "jo" |
      "
    `);
  });
});

describe('the ratings', () => {
  it('read as text', () => {
    expect(renderHandoffRatings(handoffRatings(model))).toMatchInlineSnapshot(`
      "Ratings and derived quality
      ===========================

      Rated hand-offs
      ---------------
      Hand-off        Quality  Ratings
      --------------  -------  ------------------------
      jo -> shoppers    0.625  timeliness 4; accuracy 3
      "
    `);
  });

  it('read as Markdown', () => {
    expect(renderHandoffRatings(handoffRatings(model), 'markdown')).toMatchInlineSnapshot(`
      "# Ratings and derived quality

      ## Rated hand-offs

      | Hand-off | Quality | Ratings |
      |---|---:|---|
      | \`jo\` -> \`shoppers\` | 0.625 | \`timeliness\` 4; \`accuracy\` 3 |
      "
    `);
  });
});

describe('the department view', () => {
  const view = rollUp(report, model, { level: 2 });

  it('reads as text', () => {
    expect(renderRollUp(view)).toMatchInlineSnapshot(`
      "Department view (level 2)
      =========================

      Organisation score
      ------------------
      S: 0.395

      Departments
      -----------
      Department  Members  Service  Weakest internal link  Sensitivity  Fix gain  Failure loss
      ----------  -------  -------  ---------------------  -----------  --------  ------------
      The shop          1    1.000  none                         0.000     0.000         0.000
      Warehouse         1    0.900  warehouse (0.900)            0.439     0.044         0.395
      Dispatch          2    0.668  jo (0.900)                   1.194     0.063         0.395

      Hand-offs between departments
      -----------------------------
      From       To        Quality  Weight  Hand-offs
      ---------  --------  -------  ------  ---------
      Warehouse  Dispatch    0.800       1          1
      Dispatch   shoppers    0.625       1          1
      Dispatch   cafes       0.900       1          1
      "
    `);
  });

  it('reads as Markdown', () => {
    expect(renderRollUp(view, 'markdown')).toMatchInlineSnapshot(`
      "# Department view (level 2)

      ## Organisation score

      S: 0.395

      ## Departments

      | Department | Members | Service | Weakest internal link | Sensitivity | Fix gain | Failure loss |
      |---|---:|---:|---|---:|---:|---:|
      | The shop | 1 | 1.000 | none | 0.000 | 0.000 | 0.000 |
      | Warehouse | 1 | 0.900 | \`warehouse\` (0.900) | 0.439 | 0.044 | 0.395 |
      | Dispatch | 2 | 0.668 | \`jo\` (0.900) | 1.194 | 0.063 | 0.395 |

      ## Hand-offs between departments

      | From | To | Quality | Weight | Hand-offs |
      |---|---|---:|---:|---:|
      | Warehouse | Dispatch | 0.800 | 1 | 1 |
      | Dispatch | \`shoppers\` | 0.625 | 1 | 1 |
      | Dispatch | \`cafes\` | 0.900 | 1 | 1 |
      "
    `);
  });
});

describe('the structural metrics', () => {
  const metrics = structuralMetrics(model, { metrics: true });

  it('read as text', () => {
    expect(renderMetrics(metrics, 'text', { top: 4 })).toMatchInlineSnapshot(`
      "Structural metrics
      ==================

      Nodes
      -----
      Node       Kind        Hand-offs in  Hand-offs out  Betweenness
      ---------  ----------  ------------  -------------  -----------
      shop       department             0              0        0.000
      warehouse  department             0              1        0.000
      dispatch   department             1              2        0.150
      jo         employee               1              1        0.100

      Showing 4 of 6 nodes (raise --top to see more); the JSON report lists them all.
      "
    `);
  });

  it('read as Markdown', () => {
    expect(renderMetrics(metrics, 'markdown', { top: 4 })).toMatchInlineSnapshot(`
      "# Structural metrics

      ## Nodes

      | Node | Kind | Hand-offs in | Hand-offs out | Betweenness |
      |---|---|---:|---:|---:|
      | \`shop\` | department | 0 | 0 | 0.000 |
      | \`warehouse\` | department | 0 | 1 | 0.000 |
      | \`dispatch\` | department | 1 | 2 | 0.150 |
      | \`jo\` | employee | 1 | 1 | 0.100 |

      > Showing 4 of 6 nodes (raise --top to see more); the JSON report lists them all.
      "
    `);
  });
});
