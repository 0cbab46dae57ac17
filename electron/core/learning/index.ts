/** The learning check policy: a delivery-time profile learned online and checks placed where finals are likely. */
export * from './age-bins';
export * from './check-placement';
export * from './delivery-learner';
export * from './hazard-profile';
export * from './learning-policy';
export * from './learning-check-policy';
export * from './profile-store';
