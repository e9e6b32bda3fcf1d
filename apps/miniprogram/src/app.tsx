import type { PropsWithChildren } from 'react';
import './styles/base.css';

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
