import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@fontsource/inter/400.css'
import '@fontsource/inter/600.css'
import './styles.css'
import App from './App'
import { PresenterView } from './ui/PresenterView'
import { registerServiceWorker } from './serviceWorker'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
// `?presenter=1`: the presenter view for a stage window open in the same browser (no simulation here).
const presenter = new URLSearchParams(location.search).get('presenter') === '1'
createRoot(root).render(<StrictMode>{presenter ? <PresenterView /> : <App />}</StrictMode>)
registerServiceWorker()
