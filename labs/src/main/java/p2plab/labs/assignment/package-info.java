/**
 * The labs' graded tests, in main sources so {@code p2plab grade} runs them from the jar: one
 * package per lab, each with its test class and, in {@code reference}, the instructor's solution
 * (left out of the student edition). Tests take the implementation under test from
 * {@link p2plab.labs.grading.Subject}.
 */
package p2plab.labs.assignment;
