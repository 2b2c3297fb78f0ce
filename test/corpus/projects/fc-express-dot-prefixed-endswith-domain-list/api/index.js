'use strict'

const express = require('express')
const cors = require('cors')
const corsWithSubdomains = require('./lib/corsWithSubdomains')

const app = express()
const allowedDomains = ['shopfront.com', 'shopfront.org']

app.use(cors({
  origin: corsWithSubdomains(allowedDomains),
  exposedHeaders: ['Date', 'Location'],
  credentials: true,
  maxAge: 600,
}))

app.get('/', (req, res) => res.send('ok'))
app.listen(process.env.PORT || 3000)
