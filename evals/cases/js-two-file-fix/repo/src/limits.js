'use strict';

const MB = 1024 * 1024;

/** The largest attachment we accept, in bytes. */
const MAX_UPLOAD_BYTES = 10;

/** Attachment types we accept. */
const ALLOWED_TYPES = new Set(['image/png', 'image/jpeg', 'application/pdf']);

/** The hint shown under the upload button. */
function describeLimits() {
  return `PNG, JPEG or PDF, up to ${MAX_UPLOAD_BYTES / MB} MB`;
}

module.exports = { MB, MAX_UPLOAD_BYTES, ALLOWED_TYPES, describeLimits };
