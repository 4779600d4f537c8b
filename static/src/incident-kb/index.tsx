import { mountView } from '../shared/mountView';
import { IncidentKbApp } from './IncidentKbApp';

mountView(<IncidentKbApp />);
