/**
 * What a consultant would tell St Brigid's General Hospital (examples/hospital.yaml).
 * Run it: `npx tsx examples/hospital.ts`
 *
 * Patients are short-term customers: each stay has to be right first time. The analysis follows
 * every patient's service back to the weakest link behind it, and ranks the links by what fixing
 * each alone would gain.
 */
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/index.js';
import { loadModelFile } from '../src/node.js';
import { consultantFor } from './consultant.js';

const { model } = await loadModelFile(fileURLToPath(new URL('hospital.yaml', import.meta.url)));
const report = analyze(model);
const consultant = consultantFor(report);

// The score, each patient group's weakest link with the chain behind it, the top 3 fixes.
consultant.diagnose('patient group');
// The consultant's one sentence: the best fix, what it is worth, and who it is behind.
consultant.advise();

// Expected output:
// St Brigid's General Hospital
// Organisation score: 0.559
//   Emergency admissions: service 0.573, weakest link Pathology laboratory -> Medical ward (results-medical)
//     chain strength 0.550: Pathology laboratory > Medical ward > Emergency admissions
//   Planned surgery patients: service 0.540, weakest link Pathology laboratory -> Medical ward (results-medical)
//   Local GP practices: service 0.361, weakest link Pathology laboratory -> Medical ward (results-medical)
//   1. Pathology laboratory -> Medical ward (results-medical): +0.058
//   2. Catering: +0.025
//   3. Medical ward: +0.020
// Advice: fix Pathology laboratory -> Medical ward (results-medical) first: the score rises from 0.559 to 0.616.
// It is the weakest link behind Emergency admissions, Planned surgery patients, Local GP practices.
