import { validateTerraform } from '../../../packages/shared/src/testing/validate-terraform.js';
import { describeModule } from '../../module-testing.js';

// The shared variables only make sense beside a cloud's module: check them in a whole project.
describeModule(import.meta.url, validateTerraform, { wholeProject: true });
