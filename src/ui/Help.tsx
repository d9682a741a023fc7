/**
 * The `?` overlay: every shortcut (and what the clicker keys do in a tour), the explore keys, the URL
 * parameters, and the credits: each shipped image's and the star data's source and licence, with the
 * notices their licences ask for (the record of each file: assets/README.md).
 */
import { LINK_PARAMS } from '../present/deepLink'
import { useUi } from '../state/ui'
import { SHORTCUTS, keyLabel } from './shortcuts'

const EXPLORE = [
  { keys: ['W', 'A', 'S', 'D'], label: 'Move (or the arrow keys)' },
  { keys: ['R', 'F'], label: 'Rise, sink' },
  { keys: ['Shift'], label: 'Run: 4× (6 m/s on foot; hovering, at most 200 m/s)' },
  { keys: ['drag'], label: 'Look around (touch: left half moves, right half looks)' },
  { keys: ['E'], label: 'Leave explore mode' },
]

/** One line per shipped asset (public/textures, public/data): what, whose, through which package. Keep in step with assets/README.md. */
const CREDITS: { what: string; credit: string }[] = [
  { what: 'Earth by day', credit: 'NASA Blue Marble / Visible Earth (not copyrighted), from three-globe 2.45.2 (MIT, © 2019 Vasco Asturiano).' },
  { what: 'Earth at night', credit: 'NASA Visible Earth, “Earth’s City Lights” (not copyrighted), from Debian xplanet-images 1.3.1-3.' },
  { what: 'Earth water mask', credit: 'NASA-derived land/water mask, from three-globe 2.45.2 (MIT, © 2019 Vasco Asturiano).' },
  {
    what: 'Earth clouds',
    credit: 'NASA / Visible Earth cloud imagery, via Bjørn Sandvik’s WebGL Earth (github.com/turban/webgl-earth), from three-globe 2.45.2’s example (MIT).',
  },
  {
    what: 'Moon colour and relief',
    credit:
      'NASA / USGS (the same map as Stellarium’s, from USGS Astrogeology and Clementine data, public domain), from globe.gl 2.46.2 (MIT, © 2019 Vasco Asturiano).',
  },
  {
    what: 'Milky Way',
    credit:
      'All-sky panorama by Axel Mellinger, University of Potsdam, Germany, redistributed with his permission to “modify and redistribute this image if proper credit to the original image is given”; from Debian stellarium-data 0.22.2-1.',
  },
  {
    what: 'Stars',
    credit:
      'Hipparcos, via XHIP: An Extended Hipparcos Compilation (Anderson E., Francis C. 2012, VizieR V/137D), from d3-celestial 0.7.35 (BSD-3-Clause, below).',
  },
]

/** d3-celestial's LICENSE, word for word (BSD-3-Clause: a binary redistribution reproduces it). */
const D3_CELESTIAL_LICENCE = [
  'Copyright (c) 2015, Olaf Frohn',
  'All rights reserved.',
  'Redistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met:',
  '1. Redistributions of source code must retain the above copyright notice, this list of conditions and the following disclaimer.',
  '2. Redistributions in binary form must reproduce the above copyright notice, this list of conditions and the following disclaimer in the documentation and/or other materials provided with the distribution.',
  '3. Neither the name of the copyright holder nor the names of its contributors may be used to endorse or promote products derived from this software without specific prior written permission.',
  'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.',
]

function Keys({ keys }: { keys: string[] }) {
  return (
    <td>
      {keys.map((k) => (
        <kbd key={k}>{keyLabel(k)}</kbd>
      ))}
    </td>
  )
}

export function Help() {
  const show = useUi((s) => s.showHelp)
  const toggle = useUi((s) => s.toggleHelp)
  if (!show) return null
  return (
    <div className="help panel" role="dialog" aria-label="Keyboard shortcuts" data-testid="help">
      <h2>Keyboard</h2>
      <table>
        <tbody>
          {SHORTCUTS.filter((s) => s.group !== 'tour').map((s) => (
            <tr key={s.label}>
              <Keys keys={s.keys} />
              <td>{s.label}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>drag</kbd> <kbd>wheel</kbd> <kbd>pinch</kbd>
            </td>
            <td>Orbit and zoom around the focus</td>
          </tr>
        </tbody>
      </table>
      <h3>In a tour (a presenter’s clicker sends these)</h3>
      <table>
        <tbody>
          {SHORTCUTS.filter((s) => s.group === 'tour').map((s) => (
            <tr key={s.label}>
              <Keys keys={s.keys} />
              <td>{s.label}</td>
            </tr>
          ))}
          <tr>
            <Keys keys={['Space', 'B', '.', '1 … 9', 'Esc']} />
            <td>Next chapter; blank to black; chapter by number; leave the tour</td>
          </tr>
        </tbody>
      </table>
      <h3>Exploring Moon Base Alpha (E at the base)</h3>
      <table>
        <tbody>
          {EXPLORE.map((s) => (
            <tr key={s.label}>
              <Keys keys={s.keys} />
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Link parameters (the address bar holds the whole view; “Copy link” copies it)</h3>
      <table data-testid="help-params">
        <tbody>
          {LINK_PARAMS.map((p) => (
            <tr key={p.name}>
              <td>
                <code>{p.name}</code>
              </td>
              <td>
                {p.meaning} <span className="muted">({p.example})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Positions of the Sun and Moon: astronomy-engine (±1′).</p>
      <details data-testid="help-credits">
        <summary>Credits: imagery and star data (sources and processing: assets/README.md)</summary>
        <table>
          <tbody>
            {CREDITS.map((c) => (
              <tr key={c.what} style={{ verticalAlign: 'top' }}>
                <td style={{ whiteSpace: 'nowrap' }}>{c.what}</td>
                <td>{c.credit}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>d3-celestial licence</h3>
        {D3_CELESTIAL_LICENCE.map((l) => (
          <p key={l.slice(0, 24)} className="muted" style={{ margin: '0.3rem 0' }}>
            {l}
          </p>
        ))}
      </details>
      <button onClick={toggle}>Close</button>
    </div>
  )
}
