import { validateTerraform } from '../../../packages/shared/src/testing/validate-terraform.js';
import { describeModule } from '../../module-testing.js';

// The module's .tf files with the shared variables and the synthesized tfvars, as a project has them.
describeModule(import.meta.url, validateTerraform, { wholeProject: true });
