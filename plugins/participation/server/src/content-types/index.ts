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
import forum from './forum';
import forumThread from './forum-thread';
import forumPost from './forum-post';
import forumReaction from './forum-reaction';
import threadFollow from './thread-follow';
import postReport from './post-report';
import moderationAction from './moderation-action';
import forumSuspension from './forum-suspension';
import dialogueGroup from './dialogue-group';
import dialogueGroupMember from './dialogue-group-member';
import meeting from './meeting';
import meetingRegistration from './meeting-registration';
import meetingAttendance from './meeting-attendance';
import commitment from './commitment';
import commitmentStatusChange from './commitment-status-change';
import consultation from './consultation';
import consultationInput from './consultation-input';
import statisticsPublication from './statistics-publication';

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
  forum,
  'forum-thread': forumThread,
  'forum-post': forumPost,
  'forum-reaction': forumReaction,
  'thread-follow': threadFollow,
  'post-report': postReport,
  'moderation-action': moderationAction,
  'forum-suspension': forumSuspension,
  'dialogue-group': dialogueGroup,
  'dialogue-group-member': dialogueGroupMember,
  meeting,
  'meeting-registration': meetingRegistration,
  'meeting-attendance': meetingAttendance,
  commitment,
  'commitment-status-change': commitmentStatusChange,
  consultation,
  'consultation-input': consultationInput,
  'statistics-publication': statisticsPublication,
};
