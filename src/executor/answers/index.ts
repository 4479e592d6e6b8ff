/** `--answers FILE`: a person's answers for unattended runs. */
export { readAnswersFile, parseAnswers, findUnknownAnswerIds } from './read-answers.js';
