/**
 * What a consultant would tell Riverside College (examples/college.yaml).
 * Run it: `npx tsx examples/college.ts`
 *
 * Students are long-term customers (three to four years), and teaching and assessment feed each
 * other in a loop. The analysis follows every customer's service back to the weakest link behind
 * it, ranks the links by what fixing each alone would gain, and shows how the loop was solved.
 */
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/index.js';
import { loadModelFile } from '../src/node.js';
import { consultantFor } from './consultant.js';

const { model } = await loadModelFile(fileURLToPath(new URL('college.yaml', import.meta.url)));
const report = analyze(model);
const consultant = consultantFor(report);

// The score, each customer group's weakest link with the chain behind it, the top 3 fixes.
consultant.diagnose('customer group');
// Teaching and exams feed each other: a cycle, solved as the greatest fixed point from s = 1.
consultant.cycles();
// The consultant's one sentence: the best fix, what it is worth, and who it is behind.
consultant.advise();

// Expected output:
// Riverside College
// Organisation score: 0.596
//   Undergraduates: service 0.595, weakest link Exams office -> School of Engineering (feedback-engineering)
//     chain strength 0.700: Exams office > School of Engineering > Undergraduates
//   Postgraduates: service 0.550, weakest link Exams office -> Business School (feedback-business)
//   Applicants: service 0.760, weakest link Admissions and registry -> Applicants
//   Placement employers: service 0.510, weakest link Exams office -> School of Engineering (feedback-engineering)
//   1. IT Services: +0.053
//   2. Business School: +0.032
//   3. Exams office -> Business School (feedback-business): +0.023
// Advice: fix IT Services first: the score rises from 0.596 to 0.649.
// It is no customer's weakest link: the weakest link and the best fix are not always the same.
