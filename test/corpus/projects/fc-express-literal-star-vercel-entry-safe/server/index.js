const express = require('express')
const cors = require('cors')
const corsOptions = require('./config/corsOptions')

const app = express()
app.use(cors(corsOptions))
app.get('/api/posts', (req, res) => res.json([]))
app.listen(5000)
