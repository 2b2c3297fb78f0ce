'use strict';

module.exports = function paging() {
  return function (req, res, next) {
    const size = Number(req.query.limit) || 25;
    req.paging = { size: Math.min(size, 100) };
    next();
  };
};
