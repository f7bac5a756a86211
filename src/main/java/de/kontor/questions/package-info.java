/**
 * Questions and answers: questions in a space or company-wide, answers with comments, up-votes, the accepted answer
 * (which can become a wiki page). Other modules react to its past-tense events and read {@link QuestionDocuments}.
 */
package de.kontor.questions;
