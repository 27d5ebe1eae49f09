/** The `service-chain` command line: a thin commander edge over the library. */
import { Command } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { registerAnalyze } from './commands/analyze.js';
import { registerBackups } from './commands/backups.js';
import { registerCalibrate } from './commands/calibrate.js';
import { registerDiagram } from './commands/diagram.js';
import { registerDiff } from './commands/diff.js';
import { registerDynamics } from './commands/dynamics.js';
import { registerExplore } from './commands/explore.js';
import { registerExport } from './commands/export.js';
import { registerInit } from './commands/init.js';
import { registerPlan } from './commands/plan.js';
import { registerSchema } from './commands/schema.js';
import { registerSurvey } from './commands/survey.js';
import { registerTrend } from './commands/trend.js';
import { registerValidate } from './commands/validate.js';
import { registerWhatIf } from './commands/what-if.js';
import { handleStdoutErrors, reportFailure } from './io.js';

/** The program with its global behaviour; commands are registered on it below. */
function createProgram(): Command {
  return (
    new Command('service-chain')
      .description(
        'Model an organisation as a chain of internal customers and find the weakest link behind every customer.',
      )
      .version(packageJson.version, '-V, --version', 'print the version')
      .helpOption('-h, --help', 'show help')
      .showSuggestionAfterError(true)
      // Throw instead of exiting, so usage errors get exit code 2 (see io.ts) and never a stack trace.
      .exitOverride()
      .configureOutput({ outputError: (message, write) => write(message) })
  );
}

const program = createProgram();
// One line per command (src/cli/commands/<name>.ts exports register<Name>).
registerValidate(program);
registerSchema(program);
registerInit(program);
registerAnalyze(program);
registerDiagram(program);
registerWhatIf(program);
registerPlan(program);
registerSurvey(program);
registerExport(program);
registerExplore(program);
registerDiff(program);
registerTrend(program);
registerDynamics(program);
registerBackups(program);
registerCalibrate(program);
// British spelling, as the docs and the output use it.
program.commands.find((command) => command.name() === 'analyze')?.alias('analyse');

handleStdoutErrors();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  reportFailure(error);
}
