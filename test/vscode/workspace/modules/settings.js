exports.options = { origin: true, credentials: true };
