import { mountView } from '../shared/mountView';
import { ChangeSummaryApp } from './ChangeSummaryApp';

mountView(<ChangeSummaryApp />);
