"""What the model means per edition: statuses, placement, views, the review. Plain data."""
