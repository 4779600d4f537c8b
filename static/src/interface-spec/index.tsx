import { mountView } from '../shared/mountView';
import { InterfaceSpecApp } from './InterfaceSpecApp';

mountView(<InterfaceSpecApp />);
