export { checkModuleContract } from './check.js';
export { checkDocs, checkTests } from './docs.js';
export { findUnescaped, type EscapingViolation } from './escaping.js';
export { fileFormat, isFreeFormat, safeHelpers, type TemplateFormat } from './format.js';
export { loadModuleFolder, validateModuleFolder, validateModulesUnder, type ModuleFolderOptions } from './load.js';
export { formatProblem, type ContractCheck, type ContractProblem, type ContractReport } from './problem.js';
export { checkRendering } from './render.js';
export { checkFileRules } from './rules.js';
export { referencedNames, sampleAnswers, SAMPLE_TEXT } from './samples.js';
