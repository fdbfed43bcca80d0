import municipality from './municipality';
import budgetLine from './budget-line';
import municipalAssignment from './municipal-assignment';
import round from './round';
import proposal from './proposal';
import proposalStatusChange from './proposal-status-change';
import ballot from './ballot';
import roundParticipation from './round-participation';
import participantProfile from './participant-profile';
import realtimeEvent from './realtime-event';
import realtimeRoom from './realtime-room';
import decisionLogEntry from './decision-log-entry';
import projectImplementation from './project-implementation';

export default {
  municipality,
  'budget-line': budgetLine,
  'municipal-assignment': municipalAssignment,
  round,
  proposal,
  'proposal-status-change': proposalStatusChange,
  ballot,
  'round-participation': roundParticipation,
  'participant-profile': participantProfile,
  'realtime-event': realtimeEvent,
  'realtime-room': realtimeRoom,
  'decision-log-entry': decisionLogEntry,
  'project-implementation': projectImplementation,
};
