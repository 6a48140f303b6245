'use strict';

const { MB, MAX_UPLOAD_MB, ALLOWED_TYPES } = require('./limits');

/**
 * Checks a file ({ name, type, size } with size in bytes) before it is uploaded.
 * Returns the list of problems; an empty list means the file can be sent.
 */
function validateUpload(file) {
  const problems = [];
  if (!ALLOWED_TYPES.has(file.type)) {
    problems.push(`${file.name}: unsupported file type ${file.type}`);
  }
  if (file.size === 0) {
    problems.push(`${file.name}: the file is empty`);
  } else if (file.size > MAX_UPLOAD_MB * MB) {
    problems.push(`${file.name}: larger than ${MAX_UPLOAD_MB} MB`);
  }
  return problems;
}

module.exports = { validateUpload };
