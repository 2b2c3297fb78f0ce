const { Router } = require('express');

const router = Router();
router.get('/', (req, res) => res.json({ orders: [], user: req.cookies.session }));

module.exports = router;
