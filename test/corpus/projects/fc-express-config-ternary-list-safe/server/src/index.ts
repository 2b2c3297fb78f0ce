import express from 'express'
import cors from 'cors'
import corsOptions from './middlewares/corsOptions'

const app = express()
app.use(cors(corsOptions))
app.get('/account', (_req, res) => res.json({}))
app.listen(8080)
