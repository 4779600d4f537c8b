import { mountView } from '../shared/mountView';
import { AppSettingsApp } from './AppSettingsApp';

mountView(<AppSettingsApp />);
