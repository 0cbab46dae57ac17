import './transport/schemas-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles/app.css';
import { createMonitorConnection } from './transport';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element to render into.');
const { client, link } = createMonitorConnection();
createRoot(container).render(
  <StrictMode>
    <App client={client} link={link} />
  </StrictMode>,
);
