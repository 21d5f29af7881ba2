package io.tacit.inference.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.scoring.ScoredCandidate;
import io.tacit.model.ColumnSet;
import io.tacit.model.Discriminator;
import io.tacit.model.TableName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GlobalSelectionTest {
    private static final TableName ORDERS = TableName.of("shop", "orders");
    private static final TableName USERS = TableName.of("shop", "users");
    private static final TableName ACCOUNTS = TableName.of("shop", "accounts");
    private static final TableName COMMENTS = TableName.of("shop", "comments");

    private static ScoredCandidate scored(ColumnSet from, ColumnSet to, double confidence) {
        return scored(from, to, Optional.empty(), confidence);
    }

    private static ScoredCandidate scored(ColumnSet from, ColumnSet to, Optional<Discriminator> discriminator,
            double confidence) {
        return new ScoredCandidate(new Candidate(from, to, discriminator), List.of(), confidence, confidence);
    }

    private static List<String> chosen(List<ScoredCandidate> scored) {
        return GlobalSelection.select(scored).stream().map(choice -> choice.candidate().key()).toList();
    }

    @Test
    void aColumnSetGetsOnlyItsMostConfidentTarget() {
        ScoredCandidate users = scored(ColumnSet.of(ORDERS, "user_id"), ColumnSet.of(USERS, "id"), 0.9);
        ScoredCandidate accounts = scored(ColumnSet.of(ORDERS, "user_id"), ColumnSet.of(ACCOUNTS, "id"), 0.6);

        assertEquals(List.of(users.candidate().key()), chosen(List.of(accounts, users)));
    }

    @Test
    void twoTablesSharingAKeyNameAreLinkedOneWayOnly() {
        ScoredCandidate forward = scored(ColumnSet.of(ORDERS, "order_no"), ColumnSet.of(ACCOUNTS, "order_no"), 0.8);
        ScoredCandidate backward = scored(ColumnSet.of(ACCOUNTS, "order_no"), ColumnSet.of(ORDERS, "order_no"), 0.7);

        assertEquals(List.of(forward.candidate().key()), chosen(List.of(backward, forward)));
    }

    @Test
    void equalConfidencesAreTakenInTheOrderGiven() {
        ScoredCandidate users = scored(ColumnSet.of(ORDERS, "owner_id"), ColumnSet.of(USERS, "id"), 0.7);
        ScoredCandidate accounts = scored(ColumnSet.of(ORDERS, "owner_id"), ColumnSet.of(ACCOUNTS, "id"), 0.7);

        assertEquals(List.of(users.candidate().key()), chosen(List.of(users, accounts)));
        assertEquals(List.of(accounts.candidate().key()), chosen(List.of(accounts, users)));
    }

    @Test
    void eachDiscriminatorValueOfAPolymorphicPairGetsItsOwnTarget() {
        ColumnSet from = ColumnSet.of(COMMENTS, "commentable_id");
        ScoredCandidate toOrders = scored(from, ColumnSet.of(ORDERS, "id"),
                Optional.of(new Discriminator("commentable_type", "Order")), 0.8);
        ScoredCandidate toUsers = scored(from, ColumnSet.of(USERS, "id"),
                Optional.of(new Discriminator("commentable_type", "User")), 0.6);
        ScoredCandidate secondForUsers = scored(from, ColumnSet.of(ACCOUNTS, "id"),
                Optional.of(new Discriminator("commentable_type", "User")), 0.5);

        assertEquals(List.of(toOrders.candidate().key(), toUsers.candidate().key()),
                chosen(List.of(secondForUsers, toUsers, toOrders)));
    }

    @Test
    void aKeyThatReferencesAnotherTableStillGetsItsOwnTarget() {
        // orders.order_no -> accounts.order_no is chosen; the way back is not, but accounts.order_no may still
        // reference a third table
        ScoredCandidate forward = scored(ColumnSet.of(ORDERS, "order_no"), ColumnSet.of(ACCOUNTS, "order_no"), 0.9);
        ScoredCandidate backward = scored(ColumnSet.of(ACCOUNTS, "order_no"), ColumnSet.of(ORDERS, "order_no"), 0.8);
        ScoredCandidate onward = scored(ColumnSet.of(ACCOUNTS, "order_no"), ColumnSet.of(USERS, "order_no"), 0.7);

        assertEquals(List.of(forward.candidate().key(), onward.candidate().key()),
                chosen(List.of(onward, backward, forward)));
    }

    @Test
    void thePositionsChosenAreThoseOfTheChoiceMostConfidentFirst() {
        ScoredCandidate low = scored(ColumnSet.of(ORDERS, "user_id"), ColumnSet.of(ACCOUNTS, "id"), 0.6);
        ScoredCandidate high = scored(ColumnSet.of(ORDERS, "user_id"), ColumnSet.of(USERS, "id"), 0.9);
        ScoredCandidate other = scored(ColumnSet.of(COMMENTS, "order_id"), ColumnSet.of(ORDERS, "id"), 0.7);

        assertArrayEquals(new int[] {1, 2}, GlobalSelection.choose(List.of(low, high, other)));
        assertArrayEquals(new int[] {}, GlobalSelection.choose(List.of()));
    }
}
