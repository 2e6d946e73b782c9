import { validateTerraform } from '../../../packages/shared/src/testing/validate-terraform.js';
import { describeModule } from '../../module-testing.js';

describeModule(import.meta.url, validateTerraform);
